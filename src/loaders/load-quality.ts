import { parseQualityReport, type QualityReport } from '../domain/quality';

/**
 * Fetches and reads `quality.json` (the "Qualité des données" figures). Never throws: a network failure or an
 * unreadable file becomes an error result the page shows.
 */
export async function loadQuality(
  dataUrl: string,
  fetchImpl: typeof fetch = fetch,
): Promise<{ ok: true; value: QualityReport } | { ok: false; error: string }> {
  try {
    const response = await fetchImpl(`${dataUrl}quality.json`);
    if (!response.ok) return { ok: false, error: `${dataUrl}quality.json: HTTP ${response.status}` };
    const result = parseQualityReport(await response.json());
    if (result.ok) return result;
    return { ok: false, error: result.issues.map((issue) => issue.message).join('; ') };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
