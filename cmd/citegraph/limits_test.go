package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// A document with more citations than --max-citations is skipped with a
// warning and counted; the run goes on, and --strict fails it instead.
func TestMaxCitationsSkipsDocument(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.txt": "See Imbler v. Pachtman, 424 U.S. 409 (1976).\n",
		"b.txt": strings.Repeat("Id. Id. Id.\n", 100),
		"c.txt": "Burns v. Reed, 500 U.S. 478 (1991).\n",
	})
	out, stderr, code := runExtract(t, "", dir, "-f", "jsonl", "--max-citations", "50")
	if code != 0 || strings.Count(out, "\n") != 2 {
		t.Errorf("exit %d, %d records: %s", code, strings.Count(out, "\n"), stderr)
	}
	b := filepath.Join(dir, "b.txt")
	if !strings.Contains(stderr, "warning: skipped "+b+": too many citations: more than 50 citations (--max-citations)") ||
		!strings.Contains(stderr, "read 2 documents from 3 files") || !strings.Contains(stderr, "skipped 1: 1 too many citations") {
		t.Errorf("stderr:\n%s", stderr)
	}
	out, stderr, code = runExtract(t, "", dir, "-f", "jsonl", "--max-citations", "50", "--strict")
	if code != 1 || out != "" || !strings.Contains(stderr, "--strict") {
		t.Errorf("--strict: exit %d, output %q, stderr %s", code, out, stderr)
	}
	if _, stderr, code := runExtract(t, "", dir, "--max-citations", "0"); code != 2 {
		t.Errorf("--max-citations 0: exit %d: %s", code, stderr)
	}
	// The default leaves real opinions alone.
	if out, _, code := runExtract(t, "", dir, "-f", "jsonl", "-q"); code != 0 || strings.Count(out, "\n") != 302 {
		t.Errorf("default limit: exit %d, %d records", code, strings.Count(out, "\n"))
	}
}

// extract --strict to standard output writes nothing from a run that
// fails, even when the documents before the bad one made more output than
// any buffer holds.
func TestStrictStdoutWritesNothingOnFailure(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.txt":  strings.Repeat("See Imbler v. Pachtman, 424 U.S. 409, 420 (1976).\n", 3000),
		"b.json": `{"text": "cut short`,
	})
	for _, f := range []string{"jsonl", "json", "csv", "table"} {
		out, stderr, code := runExtract(t, "", dir, "-f", f, "-q", "--strict")
		if code != 1 || out != "" {
			t.Errorf("%s: exit %d, %d bytes on standard output (%s)", f, code, len(out), stderr)
		}
		// Without --strict the bad file is skipped and everything else
		// is written.
		out, _, code = runExtract(t, "", dir, "-f", f, "-q")
		if code != 0 || len(out) < 100<<10 {
			t.Errorf("%s without --strict: exit %d, %d bytes", f, code, len(out))
		}
	}
}

// Standard output only ever receives whole records, however the output is
// cut into writes: what a failed run leaves parses record by record.
func TestRecordWriterPassesWholeRecords(t *testing.T) {
	var records [][]byte
	for i := range 3000 {
		rec := map[string]any{"doc": "a.txt", "n": i, "text": strings.Repeat("x", i%97)}
		b, _ := json.Marshal(rec)
		records = append(records, append(b, '\n'))
	}
	var csvOut bytes.Buffer
	cw := csv.NewWriter(&csvOut)
	for i := range 3000 {
		// Quoted fields with newlines inside are not record ends.
		cw.Write([]string{"a.txt", strings.Repeat("line\nbreak \"q\" ", i%7), "end"})
	}
	cw.Flush()
	for _, tc := range []struct {
		name  string
		csv   bool
		whole []byte
	}{{"jsonl", false, bytes.Join(records, nil)}, {"csv", true, csvOut.Bytes()}} {
		for _, chunk := range []int{1, 7, 4096, 70000} {
			var got bytes.Buffer
			rw := &recordWriter{w: &got, csv: tc.csv}
			cut := len(tc.whole) * 2 / 3 // the run fails here, mid-record
			for at := 0; at < cut; at += chunk {
				rw.Write(tc.whole[at:min(at+chunk, cut)])
			}
			if got.Len() == 0 {
				t.Errorf("%s, writes of %d: nothing passed on from %d bytes", tc.name, chunk, cut)
			}
			if !bytes.HasPrefix(tc.whole, got.Bytes()) {
				t.Fatalf("%s, writes of %d: output is not a prefix of the input", tc.name, chunk)
			}
			if tc.csv {
				rows, err := csv.NewReader(bytes.NewReader(got.Bytes())).ReadAll()
				if err != nil || rows[len(rows)-1][2] != "end" {
					t.Errorf("%s, writes of %d: %v", tc.name, chunk, err)
				}
			} else if !bytes.HasSuffix(got.Bytes(), []byte("}\n")) {
				t.Errorf("%s, writes of %d: ends %q", tc.name, chunk, got.Bytes()[got.Len()-20:])
			}
			rw.Write(tc.whole[cut:])
			rw.flush()
			if !bytes.Equal(got.Bytes(), tc.whole) {
				t.Errorf("%s, writes of %d: finished output differs", tc.name, chunk)
			}
		}
	}
}
