/** qsoft/labels: Labels of plastic activity: D2min (Falk & Langer), von Mises atomic strain, plastic labels. The root `qsoft` exports a documented subset (docs/api.md). */

export * from "./d2min";
export * from "./atomic-strain";
export * from "./plastic";
