// The elements' stylesheet, made from the default theme at build time (scripts/shadowStyles.mjs).
declare module 'virtual:saiku-billing-shadow-styles' {
  const styles: string;
  export default styles;
}
