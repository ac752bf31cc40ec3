/**
 * The data catalog (DESIGN §6), as other code should import it: the canonical fields
 * (`fields.ts`: keys, labels, synonyms, types, sensitivity, derivations) and reading values for
 * them (`values.ts`: validation and normalisation, derived fields as of a day).
 */
export * from './fields';
export { type TValueError, type TValueResult, deriveValue, parseChineseDate, validateValue } from './values';
