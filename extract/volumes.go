package extract

import (
	_ "embed"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
)

//go:embed volumes.tsv
var builtinVolumes string

// volumeYears holds, for one reporter, volumes and the year of their
// cases, in ascending volume order.
type volumeYears struct{ volumes, years []int }

// volumeTable parses the built-in table once, on first use.
var volumeTable = sync.OnceValue(func() map[string]volumeYears {
	t, err := parseVolumeYears(builtinVolumes)
	if err != nil {
		// The embedded table is checked by the tests; failing here means
		// the binary was built from a broken tree.
		panic("extract: built-in volume years: " + err.Error())
	}
	return t
})

func parseVolumeYears(src string) (map[string]volumeYears, error) {
	t := map[string]volumeYears{}
	for n, line := range strings.Split(src, "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("line %d: want 3 tab-separated columns, have %d", n+1, len(f))
		}
		vol, err1 := strconv.Atoi(f[1])
		year, err2 := strconv.Atoi(f[2])
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("line %d: volume and year must be numbers", n+1)
		}
		vy := t[f[0]]
		if k := len(vy.volumes); k > 0 && (vol <= vy.volumes[k-1] || year < vy.years[k-1]) {
			return nil, fmt.Errorf("line %d: %s %d: volumes must ascend and years not descend", n+1, f[0], vol)
		}
		vy.volumes = append(vy.volumes, vol)
		vy.years = append(vy.years, year)
		t[f[0]] = vy
	}
	return t, nil
}

// VolumeYear estimates the year of decision of the cases in a volume of a
// reporter (canonical abbreviation), for citations that give no year: by
// linear interpolation in the built-in table of volume years, which knows
// the U.S. Reports, the Supreme Court Reporter and Lawyers' Edition, Second
// Series. The estimate may be off by a year, since terms straddle two
// calendar years. ok is false for other reporters and for volumes outside
// the table.
func VolumeYear(reporter, volume string) (year int, ok bool) {
	vy, known := volumeTable()[reporter]
	v, err := strconv.Atoi(volume)
	if !known || err != nil || v < vy.volumes[0] || v > vy.volumes[len(vy.volumes)-1] {
		return 0, false
	}
	i := sort.SearchInts(vy.volumes, v)
	if vy.volumes[i] == v {
		return vy.years[i], true
	}
	v0, v1, y0, y1 := vy.volumes[i-1], vy.volumes[i], vy.years[i-1], vy.years[i]
	return int(math.Round(float64(y0) + float64(y1-y0)*float64(v-v0)/float64(v1-v0))), true
}

// volumeMargin is how far past the last volume of the table a volume may
// be and still be read as printed: the table is written at one date and
// reporters go on (U.S. Reports print about eight volumes a year).
const volumeMargin = 40

// volumeUnpublished reports whether volume of reporter lies beyond what
// the table of volume years knows the reporter to have printed, by more
// than volumeMargin: "In 2004 U.S. 93 was closed" names a highway, not
// volume 2004 of the U.S. Reports. Reporters the table does not know are
// never refused.
func volumeUnpublished(reporter, volume string) bool {
	vy, known := volumeTable()[reporter]
	v, err := strconv.Atoi(volume)
	return known && err == nil && v > vy.volumes[len(vy.volumes)-1]+volumeMargin
}
