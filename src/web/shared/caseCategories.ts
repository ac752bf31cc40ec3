/** The 13 complaint categories (issue 5), in the order the forms show them; labels `caseCategory.<key>`. One list: the domain's. */
export { CASE_CATEGORIES, type TCaseCategory } from '../../domain/cases/enums';
