package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runExtract runs "citegraph extract" with stdin and returns its standard
// output, standard error and exit status.
func runExtract(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	root := newRoot()
	var out, errb bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&errb)
	root.SetIn(strings.NewReader(stdin))
	root.SetArgs(append([]string{"extract"}, args...))
	err := root.Execute()
	if err != nil {
		errb.WriteString(err.Error())
	}
	return out.String(), errb.String(), exitCode(err)
}

// extractToFile runs extract writing to a file and returns the file.
func extractToFile(t *testing.T, name string, args ...string) []byte {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if _, stderr, code := runExtract(t, "", append(args, "-o", path)...); code != 0 {
		t.Fatalf("extract %v: exit %d: %s", args, code, stderr)
	}
	return readFile(t, path)
}

// The four output formats carry the same 54 citations of the sample (48
// of cases, 2 statutes, 3 cites to the record, 1 reference to its own
// page), and the JSON forms every field of the contract.
func TestExtractFormats(t *testing.T) {
	jsonl := extractToFile(t, "c.jsonl", "--sample", "-f", "jsonl")
	var recs []map[string]any
	sc := bufio.NewScanner(bytes.NewReader(jsonl))
	for sc.Scan() {
		var r map[string]any
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("jsonl line %q: %v", sc.Text(), err)
		}
		recs = append(recs, r)
	}
	if len(recs) != 54 {
		t.Fatalf("%d jsonl records, want 54", len(recs))
	}
	for _, field := range []string{"doc", "kind", "text", "start", "end", "line", "volume", "reporter", "page",
		"pin", "case_name", "year", "court", "signal", "parenthetical", "target", "reason", "opinion", "author"} {
		if _, ok := recs[0][field]; !ok {
			t.Errorf("jsonl record lacks %q", field)
		}
	}
	first := recs[2]
	if first["kind"] != "full" || first["target"] != "424 U.S. 409" || first["case_name"] != "Imbler v. Pachtman" ||
		first["year"] != 1976.0 || first["signal"] != "See" || first["line"] != 4.0 {
		t.Errorf("Imbler record %v", first)
	}

	var arr []map[string]any
	if err := json.Unmarshal(extractToFile(t, "c.json", "--sample", "-f", "json"), &arr); err != nil || len(arr) != 54 {
		t.Errorf("json: %d records, %v", len(arr), err)
	}
	rows, err := csv.NewReader(bytes.NewReader(extractToFile(t, "c.csv", "--sample", "-f", "csv"))).ReadAll()
	if err != nil || len(rows) != 55 || rows[0][0] != "doc" {
		t.Errorf("csv: %d rows, %v", len(rows), err)
	}
	table := string(extractToFile(t, "c.txt", "--sample"))
	if n := strings.Count(table, "\n"); n != 55 || !strings.Contains(table, "Ibid.") {
		t.Errorf("table: %d lines:\n%s", n, table)
	}
}

func TestExtractStdinAndErrors(t *testing.T) {
	out, _, code := runExtract(t, "See Imbler v. Pachtman, 424 U.S. 409 (1976); id. at 430.\n", "-f", "jsonl", "-q")
	if code != 0 || strings.Count(out, "\n") != 2 || !strings.Contains(out, `"doc":"-"`) {
		t.Errorf("stdin: exit %d, output %q", code, out)
	}
	bad := filepath.Join(t.TempDir(), "bad.json")
	if err := os.WriteFile(bad, []byte(`{"A.": [{"editions": 5}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--sample", "-f", "xml"}, 2, "xml"},
		{[]string{"--sample", "x.txt"}, 2, "--sample"},
		{[]string{"--sample", "--reporters", bad}, 1, bad},
		{[]string{filepath.Join(t.TempDir(), "missing.txt")}, 1, "missing.txt"},
	} {
		_, stderr, code := runExtract(t, "", tc.args...)
		if code != tc.code || !strings.Contains(stderr, tc.want) {
			t.Errorf("extract %v: exit %d, %q; want exit %d mentioning %q", tc.args, code, stderr, tc.code, tc.want)
		}
	}
}

// --reporters adds reporters-db's reporters to the built-in table.
func TestExtractReportersDB(t *testing.T) {
	db := "../../../shared/reporters-db/reporters.json"
	if _, err := os.Stat(db); err != nil {
		t.Skipf("shared reporters-db absent: %v", err)
	}
	dir := t.TempDir()
	// Taylor's North Carolina reports are in reporters-db, not in the
	// built-in table.
	in := filepath.Join(dir, "o.txt")
	if err := os.WriteFile(in, []byte("Doe v. Roe, 1 Tay. 100 (1800).\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	plain, _, _ := runExtract(t, "", in, "-f", "jsonl", "-q")
	with, stderr, code := runExtract(t, "", in, "-f", "jsonl", "-q", "--reporters", db)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if strings.Contains(plain, `"kind":"full"`) || !strings.Contains(with, `"target":"1 Tay. 100"`) {
		t.Errorf("without --reporters: %q\nwith: %q", plain, with)
	}
}
