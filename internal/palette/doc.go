// Package palette holds the report's category colours: 40 colours chosen
// once, deterministically, by greedy farthest-point selection in CIELAB
// (ΔE*ab, CIE 1976) so that any two, and each against the "no category"
// grey, are clearly different side by side. The network map and the map of
// council areas (reports/page) colour candidate groups, clusters and
// sectors with them.
package palette
