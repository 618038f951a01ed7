/** What the popup's JSX compiles to in the build (scripts/build.ts): Preact's classic factory. */
export { Fragment, h } from 'preact';
