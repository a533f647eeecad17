import { useEffect, useId, useRef, useState } from 'react';
import { DATA_URL } from '../../config';
import { DATASET_VERSION } from '../../domain/dataset';
import { useMessages } from '../../hooks/use-messages';
import type { MessageKey } from '../../i18n/messages';
import { selectStructures } from '../../state/selectors';
import { useAppStore } from '../../state/store';

type SchemaField = { readonly name: string; readonly title?: string; readonly description?: string };

const FILES = ['structures.csv', 'structures.geojson', 'initiatives.csv', 'schema.json'] as const;
const SOURCES = [
  'sourceCget',
  'sourceFablabs',
  'sourceOfficial',
  'sourcePress',
  'sourceIgn',
  'sourceInsee',
] as const;

/**
 * "Données et sources": what the dataset holds, its fields (read from the published Table Schema), its files, its
 * sources, its licence, how fresh it is and how to cite it. A native modal dialog, loaded on demand.
 */
export function DataSourcesDialog({ onClose }: { onClose(): void }) {
  const t = useMessages();
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const structures = useAppStore(selectStructures);
  const [fields, setFields] = useState<readonly SchemaField[] | 'error' | null>(null);
  const locale = t.language === 'fr' ? 'fr-FR' : 'en-GB';

  useEffect(() => {
    dialog.current?.showModal();
    let current = true;
    void fetch(`${DATA_URL}schema.json`)
      .then((response) =>
        response.ok ? (response.json() as Promise<{ fields?: unknown }>) : Promise.reject(),
      )
      .then((schema) => {
        if (!current) return;
        const list = Array.isArray(schema.fields) ? (schema.fields as SchemaField[]) : [];
        setFields(list.filter((field) => typeof field?.name === 'string'));
      })
      .catch(() => current && setFields('error'));
    return () => {
      current = false;
    };
  }, []);

  const dates = structures
    .map((structure) => structure.dateVerification)
    .filter((date) => date !== '')
    .sort();
  const recent = dates.filter((date) => date >= '2023').length;
  const newest = dates.at(-1) ?? '';
  const today = new Date().toISOString().slice(0, 10);
  const citation = t('dataCitation', {
    version: DATASET_VERSION,
    newest,
    today,
    url: `${window.location.origin}${window.location.pathname}`,
  });

  return (
    <dialog ref={dialog} className="data-dialog" aria-labelledby={titleId} onClose={onClose}>
      <header className="data-dialog-header">
        <h2 id={titleId}>{t('dataTitle')}</h2>
        <button
          type="button"
          className="close"
          aria-label={t('close')}
          onClick={() => dialog.current?.close()}
        >
          ×
        </button>
      </header>
      <p>
        {t('dataIntro', {
          count: structures.length.toLocaleString(locale),
          version: DATASET_VERSION,
        })}
      </p>
      <p>
        {t('dataFreshness', {
          recent: recent.toLocaleString(locale),
          total: structures.length.toLocaleString(locale),
          newest,
        })}
      </p>
      <h3>{t('dataFiles')}</h3>
      <ul>
        {FILES.map((file) => (
          <li key={file}>
            <a href={`${DATA_URL}${file}`} download>
              {`data/${file}`}
            </a>
          </li>
        ))}
      </ul>
      <h3>{t('dataSources')}</h3>
      <ul>
        {SOURCES.map((key) => (
          <li key={key}>{t(key as MessageKey)}</li>
        ))}
      </ul>
      <h3>{t('dataLicence')}</h3>
      <p>{t('dataLicenceText')}</p>
      <h3>{t('dataCite')}</h3>
      <p className="data-citation">{citation}</p>
      <h3>{t('dataFields')}</h3>
      {fields === null ? (
        <p role="status">{t('loading')}</p>
      ) : fields === 'error' ? (
        <p role="status">{t('dataFieldsError')}</p>
      ) : (
        <dl className="data-fields">
          {fields.map((field) => (
            <div key={field.name}>
              <dt>
                <code>{field.name}</code>
                {field.title ? ` — ${field.title}` : ''}
              </dt>
              <dd>{field.description ?? ''}</dd>
            </div>
          ))}
        </dl>
      )}
    </dialog>
  );
}
