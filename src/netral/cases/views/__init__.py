"""Case pages. Thin: parse → access (`netral.cases.access`) → service → render."""
