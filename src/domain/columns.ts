/** The columns of `data/structures.csv`, in their published order (DATA.md). */
export const STRUCTURE_COLUMNS = [
  'id',
  'nom',
  'type',
  'themes',
  'description',
  'adresse',
  'code_postal',
  'commune',
  'code_insee',
  'latitude',
  'longitude',
  'site_web',
  'reseaux',
  'siret',
  'statut',
  'source',
  'date_verification',
] as const;

/** The columns of `data/initiatives.csv`, in their published order (DATA.md). */
export const INITIATIVE_COLUMNS = [
  'id',
  'nom',
  'structure_ids',
  'categorie',
  'description',
  'commune',
  'code_insee',
  'date_debut',
  'date_fin',
  'site_web',
  'source',
  'date_verification',
] as const;
