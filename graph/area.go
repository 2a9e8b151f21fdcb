package graph

// Area is the land an organisation covers, as drawn on a map: a council's
// district outline, say. Code is the organisation's id (for English
// councils the ONS GSS code), Name the name the boundary's publisher gives.
//
// Polygons follow GeoJSON's MultiPolygon: each polygon is a list of rings,
// the first its outer edge and any further rings its holes; each ring is a
// closed list of [longitude, latitude] points in degrees (WGS 84).
type Area struct {
	Code     string
	Name     string
	Polygons [][][][2]float64
}

// Bounds returns the smallest longitude and latitude box holding every
// point of a, as minLon, minLat, maxLon, maxLat. An area with no points
// gives four zeros.
func (a Area) Bounds() (minLon, minLat, maxLon, maxLat float64) {
	first := true
	for _, poly := range a.Polygons {
		for _, ring := range poly {
			for _, p := range ring {
				if first {
					minLon, maxLon, minLat, maxLat = p[0], p[0], p[1], p[1]
					first = false
					continue
				}
				minLon, maxLon = min(minLon, p[0]), max(maxLon, p[0])
				minLat, maxLat = min(minLat, p[1]), max(maxLat, p[1])
			}
		}
	}
	return minLon, minLat, maxLon, maxLat
}
