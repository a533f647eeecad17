/** A structure id: lowercase letters and digits in words joined by single hyphens (`pole-emc2`). */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
