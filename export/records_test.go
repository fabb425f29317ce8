package export

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/corpus"
	"github.com/citegraph/citegraph/extract"
)

// extract's JSON lines are written by hand for speed; they must be the
// bytes encoding/json writes (HTML left unescaped) for every field of
// Record, including fields added later, and for every string: this test
// fills each field by reflection.
func TestJSONLinesAreEncodingJSON(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	pieces := []string{"a", "Ω", "中", "\"", "\\", "\n", "\r", "\t", "\b", "\f", "\x00", "\x1f", "\x7f", "<&>", "\u2028", "\u2029",
		"\xff", "\xe2\x80", "é", "§ 1983", " ", "\U0001F600"}
	str := func() string {
		var b strings.Builder
		for range rng.IntN(8) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		return b.String()
	}
	var records []extract.Record
	for range 2000 {
		var r extract.Record
		v := reflect.ValueOf(&r).Elem()
		for i := range v.NumField() {
			switch f := v.Field(i); f.Kind() {
			case reflect.String:
				f.SetString(str())
			case reflect.Int:
				f.SetInt(rng.Int64N(2000) - 1000)
			case reflect.Bool:
				f.SetBool(rng.IntN(2) == 0)
			case reflect.Slice:
				l := make([]string, rng.IntN(3))
				for k := range l {
					l[k] = str()
				}
				f.Set(reflect.ValueOf(l))
			default:
				t.Fatalf("Record field %s of kind %s: teach this test", v.Type().Field(i).Name, f.Kind())
			}
		}
		records = append(records, r)
	}
	doc := corpus.Sample()
	for _, c := range extract.Extract(doc.Text) {
		records = append(records, extract.NewRecord(doc.ID, extract.Where{Location: doc.PageAt(c.Start)}, &c))
	}
	var got, want bytes.Buffer
	rw, err := extract.NewRecordWriter(&got, "jsonl")
	if err != nil {
		t.Fatal(err)
	}
	enc := json.NewEncoder(&want)
	enc.SetEscapeHTML(false)
	for i := range records {
		if err := rw.Write(&records[i]); err != nil {
			t.Fatal(err)
		}
		if err := enc.Encode(&records[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := rw.Close(); err != nil {
		t.Fatal(err)
	}
	g, w := strings.Split(got.String(), "\n"), strings.Split(want.String(), "\n")
	for i := range min(len(g), len(w)) {
		if g[i] != w[i] {
			t.Fatalf("record %d:\n got  %s\n want %s", i, g[i], w[i])
		}
	}
	if len(g) != len(w) {
		t.Fatalf("%d lines, want %d", len(g), len(w))
	}
}
