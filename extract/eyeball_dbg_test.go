package extract_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/citegraph/citegraph/corpus"
	"github.com/citegraph/citegraph/extract"
)

func TestEyeballDbg(t *testing.T) {
	dir := os.Getenv("EYE_DIR")
	if dir == "" {
		t.Skip()
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	sort.Strings(files)
	kinds := map[string]int{}
	reasons := map[string]int{}
	n := 0
	for i, f := range files {
		docs, _ := corpus.ReadFile(f, corpus.Options{})
		for _, d := range docs {
			for _, c := range extract.Extract(d.Text) {
				kinds[c.Kind.String()]++
				if c.Warning != "" {
					kinds["warn-"+c.Kind.String()]++
				}
				if c.Reason != "" {
					reasons[c.Kind.String()]++
				}
				if os.Getenv("EYE_KIND") == c.Kind.String() && i%7 == 0 && n < 300 {
					n++
					fmt.Printf("%s | %q | %s | pin=%s | name=%q | court=%q year=%d sig=%q | %s%s\n", filepath.Base(f), c.Text, c.Target, c.Pin, c.CaseName, c.Court, c.Year, c.Signal, c.Reason, c.Warning)
				}
			}
		}
	}
	fmt.Println(kinds)
	fmt.Println(reasons)
}
