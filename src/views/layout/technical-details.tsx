import { useMessages } from '../../hooks/use-messages';

/** The raw message behind a plain-language one, folded away for whoever needs it. */
export function TechnicalDetails({ text }: { text: string }) {
  const t = useMessages();
  return (
    <details className="technical-details">
      <summary>{t('technicalDetails')}</summary>
      <code>{text}</code>
    </details>
  );
}
