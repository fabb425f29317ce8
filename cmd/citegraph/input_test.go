package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/citegraph/citegraph/corpus"
)

// runInputCmd runs a command that reads its inputs through processInputs
// and lists each document as "base name<TAB>case name".
func runInputCmd(t *testing.T, stdin string, args ...string) (docs []string, stderr string, err error) {
	t.Helper()
	var f inputFlags
	cmd := &cobra.Command{Use: "t", SilenceUsage: true, SilenceErrors: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := processInputs(cmd, &f, args,
				func(d *corpus.Document) (string, error) { return d.Meta.CaseName, nil },
				func(d *corpus.Document, name string) error {
					docs = append(docs, filepath.Base(d.Path)+"\t"+name)
					return nil
				})
			return err
		}}
	f.register(cmd)
	var errb bytes.Buffer
	cmd.SetErr(&errb)
	cmd.SetIn(strings.NewReader(stdin))
	cmd.SetArgs(args)
	err = cmd.Execute()
	return docs, errb.String(), err
}

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const slipText = "(Slip Opinion)\nCite as: 555 U. S. ____ (2009)\n\n2 VAN DE KAMP v. GOLDSTEIN\n\nSee Imbler v. Pachtman, 424 U. S. 409 (1976).\n"

func TestInputsSkipWithWarningAndSummary(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.txt":        slipText,
		"b.json":       `{"text": "Burns v. Reed, 500 U. S. 478", "case_name": "Burns`,
		"c.txt":        "Giglio v. United States, 405 U. S. 150.\n",
		"manifest.csv": "file,case_name,citations,court,date\nc.txt,Example v. Case,1 U.S. 1,scotus,1790\n",
		"notes.md":     "not an opinion, and not picked up by a directory walk",
		".hidden.txt":  "hidden files are left out",
	})
	docs, stderr, err := runInputCmd(t, "", "--manifest", filepath.Join(dir, "manifest.csv"), dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"a.txt\tVan de Kamp v. Goldstein", "c.txt\tExample v. Case"}
	if strings.Join(docs, "|") != strings.Join(want, "|") {
		t.Errorf("documents %q, want %q", docs, want)
	}
	if !strings.Contains(stderr, "warning: skipped "+filepath.Join(dir, "b.json")) || !strings.Contains(stderr, "invalid JSON: truncated") {
		t.Errorf("no warning naming b.json and the problem in %q", stderr)
	}
	if !strings.Contains(stderr, "read 2 documents from 3 files") || !strings.Contains(stderr, "skipped 1: 1 invalid JSON") {
		t.Errorf("summary missing from %q", stderr)
	}
}

func TestInputsStrictFails(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.txt": slipText, "b.xml": "<opinion><opinion_text>cut off"})
	_, stderr, err := runInputCmd(t, "", "--strict", dir)
	if err == nil || exitCode(err) != 1 {
		t.Fatalf("--strict with a broken file: err %v (exit %d), want exit 1", err, exitCode(err))
	}
	if !strings.Contains(err.Error(), "b.xml") || !strings.Contains(err.Error(), "invalid XML") {
		t.Errorf("error %q does not name the file and problem", err)
	}
	if !strings.Contains(stderr, "b.xml") {
		t.Errorf("no warning in %q", stderr)
	}
}

func TestInputsStdin(t *testing.T) {
	for _, args := range [][]string{nil, {"-"}} {
		docs, _, err := runInputCmd(t, slipText, append([]string{"--quiet"}, args...)...)
		if err != nil {
			t.Fatal(err)
		}
		if len(docs) != 1 || docs[0] != "-\tVan de Kamp v. Goldstein" {
			t.Errorf("args %q: documents %q", args, docs)
		}
	}
}

func TestInputsQuietHasNoSummary(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.txt": slipText})
	_, stderr, err := runInputCmd(t, "", "--quiet", dir)
	if err != nil || stderr != "" {
		t.Errorf("--quiet: err %v, stderr %q", err, stderr)
	}
}

func TestInputsErrors(t *testing.T) {
	if _, _, err := runInputCmd(t, "", "--jobs", "-1", "x"); exitCode(err) != 2 {
		t.Errorf("--jobs -1: exit %d (%v), want 2", exitCode(err), err)
	}
	missing := filepath.Join(t.TempDir(), "nope.html")
	if _, _, err := runInputCmd(t, "", missing); err == nil || !strings.Contains(err.Error(), missing) {
		t.Errorf("missing file: %v", err)
	}
	dir := writeFiles(t, map[string]string{"m.csv": "name,cites\nx,y\n"})
	if _, _, err := runInputCmd(t, "", "--manifest", filepath.Join(dir, "m.csv"), "-"); err == nil || !strings.Contains(err.Error(), "no file column") {
		t.Errorf("bad manifest: %v", err)
	}
}

// coresReader is standard input that notes how many cores Go code may use
// while it is read.
type coresReader struct {
	r     io.Reader
	cores int
}

func (c *coresReader) Read(p []byte) (int, error) {
	c.cores = runtime.GOMAXPROCS(0)
	return c.r.Read(p)
}

// --jobs N holds the run to N cores, not only to N workers, and gives the
// others back when it ends.
func TestJobsHoldTheRunToItsCores(t *testing.T) {
	before := runtime.GOMAXPROCS(0)
	if before < 2 {
		t.Skip("one core: --jobs 1 changes nothing")
	}
	in := &coresReader{r: strings.NewReader(slipText)}
	root := newRoot()
	root.SetIn(in)
	root.SetOut(io.Discard)
	root.SetArgs([]string{"extract", "--jobs", "1", "-q", "-f", "jsonl", "-"})
	if err := root.Execute(); err != nil {
		t.Fatal(err)
	}
	if in.cores != 1 || runtime.GOMAXPROCS(0) != before {
		t.Errorf("cores while reading %d, after %d; want 1, then %d again", in.cores, runtime.GOMAXPROCS(0), before)
	}
}
