/** The overlay's CSS, bundled as a minified string (scripts/build.ts, cssAsText). */
declare module '*.css?text' {
  const css: string;
  export default css;
}
