// Package geo reads council boundary outlines and derives who borders whom:
// EnglandAreas returns the embedded outlines of England's local authority
// districts (ONS, May 2024, OGL; AreasAttribution must be shown wherever
// they are drawn), ReadAreas reads a GeoJSON FeatureCollection keyed by
// organisation id, SharedBorders lists the pairs of areas whose outlines
// have a vertex in common, and DeriveBorders and WriteBorders turn those into the
// adjacency.csv a dataset folder carries. With no areas there are no
// borders.
package geo
