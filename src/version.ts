/** The package version, shown in the OpenAPI document and `huicun --version`. */
export const VERSION = '0.1.0';
