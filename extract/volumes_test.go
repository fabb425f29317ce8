package extract

import (
	"strings"
	"testing"
)

func TestVolumeYear(t *testing.T) {
	// Decision years of landmark cases, against the estimate from their
	// volumes alone.
	for _, tc := range []struct {
		reporter, volume string
		want             int
	}{
		{"U.S.", "5", 1803},   // Marbury v. Madison
		{"U.S.", "17", 1819},  // McCulloch v. Maryland
		{"U.S.", "163", 1896}, // Plessy v. Ferguson
		{"U.S.", "198", 1905}, // Lochner v. New York
		{"U.S.", "347", 1954}, // Brown v. Board of Education
		{"U.S.", "384", 1966}, // Miranda v. Arizona
		{"U.S.", "424", 1976}, // Imbler v. Pachtman
		{"U.S.", "555", 2009}, // Van de Kamp v. Goldstein
		{"S. Ct.", "16", 1896},
		{"S. Ct.", "74", 1954},
		{"S. Ct.", "96", 1976},
		{"S. Ct.", "129", 2009},
		{"L. Ed. 2d", "16", 1966},
		{"L. Ed. 2d", "47", 1976},
		{"L. Ed. 2d", "148", 2000},
		{"L. Ed. 2d", "172", 2009},
	} {
		if got, ok := VolumeYear(tc.reporter, tc.volume); !ok || got != tc.want {
			t.Errorf("VolumeYear(%q, %q) = %d, %v; want %d", tc.reporter, tc.volume, got, ok, tc.want)
		}
	}
	for _, tc := range [][2]string{{"F.2d", "100"}, {"U.S.", "999"}, {"U.S.", "0"}, {"U.S.", "x"}} {
		if y, ok := VolumeYear(tc[0], tc[1]); ok {
			t.Errorf("VolumeYear(%q, %q) = %d, want none", tc[0], tc[1], y)
		}
	}
}

func TestVolumeTable(t *testing.T) {
	tab := volumeTable()
	reps := DefaultReporters()
	for r := range tab {
		if reps.Lookup(r) == nil {
			t.Errorf("volume years for %q, which the reporter table does not know", r)
		}
	}
	for _, bad := range []string{"U.S.\t5", "U.S.\tx\t1800", "U.S.\t5\t1803\nU.S.\t4\t1800"} {
		if _, err := parseVolumeYears(bad); err == nil || !strings.Contains(err.Error(), "line") {
			t.Errorf("%q: error %v, want one naming the line", bad, err)
		}
	}
}
