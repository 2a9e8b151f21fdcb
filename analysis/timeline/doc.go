// Package timeline measures how a dated network changes: snapshots of the
// partnerships in force at each date of a series (SnapshotAt, SeriesDates),
// the measures at each date and what changed between dates, clusters
// tracked across dates with the transitions of Greene, Doyle & Cunningham
// (2010), successions (organisations abolished into successors, whose ties
// can be carried over), and the survival of partnerships (Kaplan-Meier
// product-limit estimates, overall and by kind or sector).
//
// Dates are days (graph.Date); a partnership with no dates is in force at
// every date and is counted (CountUndated), never guessed.
//
// The package reads no files.
package timeline
