// Package courtlistener reads CourtListener's own citation graph, its
// citation map (citing opinion → cited opinion, with depth), as a graph of
// cases that citegraph ranks like its own, and compares a graph citegraph
// built from CourtListener's opinions with it.
//
// The map links opinions; cases are CourtListener's clusters, and an
// opinion's cluster comes from the opinions file (corpus.OpinionClusters).
// A case held both as a combined record and as its opinions one by one
// (CourtListener has some) would count its citations twice; as in
// citegraph's own graph (graph.Builder), the opinions one by one count
// unless the combined record cites more.
package courtlistener

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/citegraph/citegraph/corpus"
)

// Map is CourtListener's citation map between cases.
type Map struct {
	// Pairs are citing cluster → cited cluster with CourtListener's depth
	// (citations of the cited case in the citing case), sorted by citing
	// then cited cluster. A case citing itself is left out.
	Pairs []Pair
	// Rows is the number of rows read; Unmapped counts those whose
	// citing or cited opinion the opinions file does not hold.
	Rows, Unmapped int
}

// Pair is one citing case → cited case link of the map.
type Pair struct {
	Citing, Cited int64 // cluster ids
	Depth         int
}

// row is one row of the map between clusters, 16 bytes, so that
// CourtListener's tens of millions of rows fit while they are merged.
type row struct {
	citing, cited uint32
	depth         int32
	combined      bool
}

// ReadMap reads the citation map at path (see corpus.ReadCitationMap),
// mapping its opinions to clusters with opinions. Rows that cannot be read
// go to skip.
func ReadMap(path string, opts corpus.Options, opinions *corpus.OpinionClusters, skip func(error)) (*Map, error) {
	m := &Map{}
	var rows []row
	var tooBig error
	err := corpus.ReadCitationMap(path, opts, skip, func(citing, cited int64, depth int) {
		m.Rows++
		from, combined, ok1 := opinions.Cluster(citing)
		to, _, ok2 := opinions.Cluster(cited)
		switch {
		case !ok1 || !ok2:
			m.Unmapped++
			return
		case from == to:
			return
		case from > math.MaxUint32 || to > math.MaxUint32 || from < 0 || to < 0:
			if tooBig == nil {
				tooBig = fmt.Errorf("%s: cluster id %d or %d is beyond the ids citegraph can hold (4,294,967,295)", path, from, to)
			}
			return
		}
		rows = append(rows, row{uint32(from), uint32(to), int32(min(depth, math.MaxInt32)), combined})
	})
	if err == nil {
		err = tooBig
	}
	if err != nil {
		return nil, err
	}
	slices.SortFunc(rows, func(a, b row) int { return cmp.Or(cmp.Compare(a.citing, b.citing), cmp.Compare(a.cited, b.cited)) })
	for i := 0; i < len(rows); {
		j := i
		whole, split := 0, 0
		for ; j < len(rows) && rows[j].citing == rows[i].citing && rows[j].cited == rows[i].cited; j++ {
			if rows[j].combined {
				whole = max(whole, int(rows[j].depth))
			} else {
				split += int(rows[j].depth)
			}
		}
		m.Pairs = append(m.Pairs, Pair{Citing: int64(rows[i].citing), Cited: int64(rows[i].cited), Depth: max(whole, split)})
		i = j
	}
	return m, nil
}
