/** Two-digit zero padding for ISO dates. */
export const pad2 = (n: number): string => String(n).padStart(2, '0');
