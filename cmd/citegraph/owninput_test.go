package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Two small opinions with citations, as a new user tries citegraph on.
var twoOpinions = map[string]string{
	"t1.txt": "Smith v. Jones\n\nWe follow Roe v. Wade, 410 U.S. 113, 120 (1973), and Brady v. Maryland, 373 U.S. 83 (1963). Id., at 87.\n",
	"t2.txt": "Doe v. Roe\n\nSee Imbler v. Pachtman, 424 U.S. 409 (1976); Roe v. Wade, 410 U.S. 113 (1973).\n",
}

// extractFormatNames are extract's formats with the extension each is
// written under.
var extractFormatNames = map[string]string{"jsonl": "cites.jsonl", "json": "cites.json", "csv": "cites.csv", "table": "cites.txt", "parquet": "cites.parquet"}

// Whatever extract writes, in every format, with or without --documents,
// is never read back as opinions: written into the folder it read, the
// next run over the folder sets it aside with a warning and builds the
// same graph; named or piped to extract, it is refused, naming the file.
func TestOwnOutputIsNeverReadAsOpinions(t *testing.T) {
	dir := writeFiles(t, twoOpinions)
	want := filepath.Join(t.TempDir(), "want.json")
	mustRun(t, "build", dir, "-o", want, "-q")
	for format, name := range extractFormatNames {
		for _, docs := range []bool{false, true} {
			args := []string{"extract", dir, "-f", format, "-o", filepath.Join(dir, name), "-q"}
			if docs {
				args = append(args, "--documents")
			}
			mustRun(t, args...)
			mustRun(t, args...) // the second run reads the folder with the first one's output in it
			got := filepath.Join(t.TempDir(), "got.json")
			stderr := mustRun(t, "build", dir, "-o", got)
			if string(readFile(t, got)) != string(readFile(t, want)) {
				t.Errorf("%s (documents %v) in the folder changed its graph; stderr:\n%s", name, docs, stderr)
			}
			if walked := format == "jsonl" || format == "json" || format == "table"; walked &&
				(!strings.Contains(stderr, "ignored "+filepath.Join(dir, name)+": a citation table") || !strings.Contains(stderr, "read 2 documents from 3 files")) {
				t.Errorf("%s in the folder: no warning naming it, or a wrong count:\n%s", name, stderr)
			}
			table := filepath.Join(dir, name)
			stdout, stderr, code := runExtract(t, "", table)
			if code != 2 || stdout != "" || !strings.Contains(stderr, table+": citation table") {
				t.Errorf("extract %s: exit %d, stdout %q, stderr %q; want exit 2 naming the file as a citation table", name, code, stdout, stderr)
			}
			if format != "parquet" {
				_, stderr, code = runExtract(t, string(readFile(t, table)), "-")
				if code != 2 || !strings.Contains(stderr, "-: citation table") {
					t.Errorf("%s on standard input: exit %d, stderr %q", name, code, stderr)
				}
			}
			os.Remove(table)
		}
	}
}

// Build reads a citation table in every machine format extract writes —
// the JSON array too — as a table, by its columns: with --documents it
// gives the graph of the documents themselves; without, it is refused,
// naming the file and the flag.
func TestBuildCitationTableNeedsDocuments(t *testing.T) {
	dir := writeFiles(t, twoOpinions)
	out := t.TempDir()
	want := filepath.Join(out, "want.json")
	mustRun(t, "build", dir, "-o", want, "-q")
	for format, name := range extractFormatNames {
		if format == "table" {
			continue // for people, not a table build reads
		}
		table := filepath.Join(out, name)
		mustRun(t, "extract", dir, "-f", format, "-o", table, "-q")
		got := filepath.Join(out, "got.json")
		stderr, code := runGraphCmd(t, "build", table, "-o", got, "-q")
		if code != 1 || !strings.Contains(stderr, table+": a citation table without document records: run extract with --documents") {
			t.Errorf("build %s without --documents: exit %d, %q", name, code, stderr)
		}
		mustRun(t, "extract", dir, "-f", format, "--documents", "-o", table, "-q")
		mustRun(t, "build", table, "-o", got, "-q")
		if string(readFile(t, got)) != string(readFile(t, want)) {
			t.Errorf("build %s --documents: not the graph of the documents", name)
		}
	}
}
