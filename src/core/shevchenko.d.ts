/** shevchenko's dictionary of Ukrainian given names (lower-case name → gender); the package types only its API. */
declare module 'shevchenko/dist/es/gender-detection/given-names-genders.json.js' {
  const genders: Record<string, 'masculine' | 'feminine'>;
  export default genders;
}
