package corpus

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// makeCorpus writes a small mixed corpus into dir, creating the files in
// the order perm gives, so that tests can check the order of creation
// does not matter.
func makeCorpus(t *testing.T, dir string, seed uint64) {
	t.Helper()
	files := map[string]string{
		"sub/b.html":   clHTML,
		"sub/c.xml":    columbiaXML,
		"cap.json":     capJSON,
		"a.txt":        slip,
		"bad.json":     `{"text": "cut`,
		"skip.csv":     "not read: no document extension",
		".hidden.html": clHTML,
	}
	var lines strings.Builder
	for i := range 60 {
		fmt.Fprintf(&lines, `{"id": "r%02d", "text": "Record %d cites %d U.S. %d."}`+"\n", i, i, 100+i, i+1)
	}
	files["stream.jsonl"] = lines.String()
	for i := range 25 {
		files[fmt.Sprintf("many/%02d.txt", i)] = fmt.Sprintf("Opinion %d.\nSee %d U. S. %d.", i, 400+i, i+3)
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	r := rand.New(rand.NewPCG(seed, seed))
	r.Shuffle(len(names), func(i, j int) { names[i], names[j] = names[j], names[i] })
	for _, n := range names {
		p := filepath.Join(dir, n)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(files[n]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

const slip = "(Slip Opinion)\nCite as: 555 U. S. ____ (2009)\n2 VAN DE KAMP v. GOLDSTEIN\nSee Imbler v. Pachtman, 424 U. S. 409 (1976).\n"

// runAll processes dir and returns one line per emitted document and per
// skip, in the order they came.
func runAll(t *testing.T, dir string, jobs int) ([]string, Summary) {
	t.Helper()
	inputs, err := Expand([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	sum, err := Process(context.Background(), inputs, Options{Jobs: jobs},
		Hooks{Skip: func(e *ReadError) { out = append(out, "skip "+e.Error()) }},
		func(d *Document) (int, error) { return strings.Count(d.Text, "U."), nil },
		func(d *Document, n int) error {
			rel, _ := filepath.Rel(dir, d.Path)
			out = append(out, fmt.Sprintf("%s %s %d %q %q", rel, strings.TrimPrefix(d.ID, dir), n, d.Meta.CaseName, d.Meta.Citations))
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range out {
		out[i] = strings.ReplaceAll(s, dir, "DIR")
	}
	return out, sum
}

func TestProcessIsDeterministic(t *testing.T) {
	dirA, dirB := t.TempDir(), t.TempDir()
	makeCorpus(t, dirA, 1)
	makeCorpus(t, dirB, 2)
	ref, sum := runAll(t, dirA, 1)
	if sum.Docs != 1+1+1+1+60+25 || sum.Skipped[ProblemBadJSON] != 1 || sum.Files != 31 {
		t.Fatalf("summary %+v", sum)
	}
	if !strings.HasPrefix(ref[0], "a.txt ") || !strings.HasPrefix(ref[len(ref)-1], "sub/c.xml ") {
		t.Errorf("not in sorted order: first %q, last %q", ref[0], ref[len(ref)-1])
	}
	for _, tc := range []struct {
		dir  string
		jobs int
	}{{dirA, 2}, {dirA, 8}, {dirB, 1}, {dirB, 3}} {
		got, _ := runAll(t, tc.dir, tc.jobs)
		if strings.Join(got, "\n") != strings.Join(ref, "\n") {
			t.Errorf("jobs %d, creation order %s: output differs", tc.jobs, filepath.Base(tc.dir))
		}
	}
}

func TestProcessBoundsDocumentsInFlight(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	for i := range 600 {
		fmt.Fprintf(&b, `{"text": "record %d"}`+"\n", i)
	}
	os.WriteFile(filepath.Join(dir, "big.jsonl"), []byte(b.String()), 0o644)
	inputs, _ := Expand([]string{dir})
	var inFlight, peak atomic.Int64
	jobs := 2
	sum, err := Process(context.Background(), inputs, Options{Jobs: jobs}, Hooks{},
		func(d *Document) (struct{}, error) {
			n := inFlight.Add(1)
			for p := peak.Load(); n > p && !peak.CompareAndSwap(p, n); p = peak.Load() {
			}
			return struct{}{}, nil
		},
		func(*Document, struct{}) error {
			time.Sleep(20 * time.Microsecond) // a slow writer must hold the readers back
			inFlight.Add(-1)
			return nil
		})
	if err != nil || sum.Docs != 600 {
		t.Fatalf("%v, %d documents", err, sum.Docs)
	}
	if p := peak.Load(); p > int64(4*jobs+jobs) {
		t.Errorf("%d documents in flight at once, want at most %d", p, 4*jobs+jobs)
	}
}

func TestProcessStopsOnCancel(t *testing.T) {
	dir := t.TempDir()
	makeCorpus(t, dir, 3)
	inputs, _ := Expand([]string{dir})
	before := runtime.NumGoroutine()
	ctx, cancel := context.WithCancel(context.Background())
	emitted := 0
	_, err := Process(ctx, inputs, Options{Jobs: 2}, Hooks{},
		func(d *Document) (struct{}, error) { return struct{}{}, nil },
		func(*Document, struct{}) error {
			if emitted++; emitted == 5 {
				cancel()
			}
			return nil
		})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
	if emitted > 5+8 {
		t.Errorf("%d documents emitted after cancellation", emitted-5)
	}
	for i := 0; runtime.NumGoroutine() > before && i < 100; i++ {
		time.Sleep(time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("%d goroutines left running", n-before)
	}
}

func TestProcessWorkErrorStops(t *testing.T) {
	dir := t.TempDir()
	makeCorpus(t, dir, 4)
	inputs, _ := Expand([]string{dir})
	_, err := Process(context.Background(), inputs, Options{}, Hooks{},
		func(d *Document) (struct{}, error) {
			if strings.HasSuffix(d.Path, "07.txt") {
				return struct{}{}, errors.New("extractor failed")
			}
			return struct{}{}, nil
		},
		func(*Document, struct{}) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "07.txt: extractor failed") {
		t.Errorf("error %v", err)
	}
}

func TestExpand(t *testing.T) {
	dir := t.TempDir()
	makeCorpus(t, dir, 5)
	in, err := Expand([]string{filepath.Join(dir, "many", "1*.txt"), filepath.Join(dir, "a.txt"), "-", filepath.Join(dir, "many", "10.txt"), filepath.Join(dir, "skip.csv")})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, i := range in {
		got = append(got, strings.TrimPrefix(i.Path, dir+string(filepath.Separator)))
	}
	want := "many/10.txt many/11.txt many/12.txt many/13.txt many/14.txt many/15.txt many/16.txt many/17.txt many/18.txt many/19.txt a.txt - skip.csv"
	if strings.Join(got, " ") != want {
		t.Errorf("inputs %q\nwant %q", strings.Join(got, " "), want)
	}
	for _, bad := range []string{filepath.Join(dir, "missing.txt"), filepath.Join(dir, "*.nothing")} {
		if _, err := Expand([]string{bad}); err == nil || !strings.Contains(err.Error(), bad) {
			t.Errorf("%s: error %v", bad, err)
		}
	}
}

func TestSummaryString(t *testing.T) {
	s := Summary{Files: 3, Docs: 1, Bytes: 2500000, Skipped: map[Problem]int{ProblemBadJSON: 1, ProblemEmpty: 2}, Ignored: 1}
	want := "read 1 document from 3 files (2.5 MB); skipped 3: 2 empty, 1 invalid JSON; ignored 1 file holding no opinions"
	if s.String() != want {
		t.Errorf("%q\nwant %q", s, want)
	}
}
