/** The overlay's own styles, inside its shadow root: the page's CSS cannot reach them. */
export const overlayCss = `
:host { all: initial; }
.ring, .callout, .edge { position: absolute; box-sizing: border-box; font: 14px/1.45 "Segoe UI", system-ui, sans-serif; }
.ring {
  pointer-events: none; border: 3px solid #0f6cbd; border-radius: 6px;
  box-shadow: 0 0 0 4px rgba(255,255,255,.9), 0 0 0 7px rgba(15,108,189,.35);
  transition: top .15s, left .15s, width .15s, height .15s;
}
.callout {
  width: max-content; max-width: min(340px, calc(100vw - 24px)); padding: 12px 14px 10px;
  background: #fff; color: #161616; border: 1px solid #0f6cbd; border-radius: 8px;
  box-shadow: 0 6px 20px rgba(0,0,0,.18);
}
.callout.docked { position: fixed; right: 16px; bottom: 16px; left: auto; top: auto; border-style: dashed; }
.callout p { margin: 0 0 6px; }
.step { font-size: 12px; color: #505050; }
.instruction { font-weight: 600; padding-right: 22px; }
.warning { border-left: 3px solid #a35b00; padding: 2px 8px; font-size: 13px; }
.missing { font-size: 12px; color: #505050; }
.close {
  position: absolute; top: 6px; right: 6px; width: 24px; height: 24px; padding: 0; border: 0; border-radius: 4px;
  background: transparent; color: inherit; font: 18px/24px system-ui, sans-serif; cursor: pointer;
}
.close:focus-visible, .edge:focus-visible { outline: 2px solid #0f6cbd; outline-offset: 2px; }
.edge {
  position: fixed; left: 50%; transform: translateX(-50%); padding: 6px 12px; border: 0; border-radius: 16px;
  background: #0f6cbd; color: #fff; font-weight: 600; cursor: pointer; box-shadow: 0 4px 12px rgba(0,0,0,.2);
}
.edge.up { top: 12px; } .edge.down { bottom: 12px; }
.live { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
[hidden] { display: none !important; }
@media (prefers-color-scheme: dark) {
  .callout { background: #1f1f1f; color: #f2f2f2; border-color: #4aa0ec; }
  .step, .missing { color: #b8b8b8; }
  .warning { border-left-color: #f2c067; }
  .ring { border-color: #4aa0ec; box-shadow: 0 0 0 4px rgba(0,0,0,.8), 0 0 0 7px rgba(74,160,236,.45); }
}
@media (prefers-reduced-motion: reduce) { .ring { transition: none; } }
@media (forced-colors: active) {
  .ring { border-color: Highlight; box-shadow: none; }
  .callout { border-color: CanvasText; background: Canvas; color: CanvasText; }
  .edge { background: ButtonFace; color: ButtonText; border: 1px solid ButtonText; }
}
`;
