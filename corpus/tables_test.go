package corpus

import (
	"strings"
	"testing"
)

// A table of citation records, in any shape extract writes it and under
// any name, is refused as one (each record has a "text", which made it an
// opinion); opinions that merely mention the words are read.
func TestCitationTablesAreNotOpinions(t *testing.T) {
	rec := `{"doc":"a.txt","kind":"full","text":"Roe v. Wade, 410 U.S. 113","start":0,"end":25,"line":1,"target":"410 U.S. 113"}`
	docRec := `{"doc":"a.txt","kind":"document","text":"","case_name":"Smith v. Jones","target":""}`
	for _, tc := range []struct{ name, data string }{
		{"cites.jsonl", rec + "\n" + rec + "\n"},
		{"cites.txt", docRec + "\n" + rec + "\n"}, // JSON lines by content
		{"-", rec + "\n" + rec + "\n"},
		{"cites.json", "[\n" + rec + ",\n" + rec + "\n]\n"},
		{"-", "[\n" + docRec + ",\n" + rec + "\n]\n"},
		{"one.json", rec},
		{"cites.csv", "doc,kind,text,start,end,line,target\na.txt,full,\"Roe v. Wade, 410 U.S. 113\",0,25,1,410 U.S. 113\n"},
		{"-", "doc,kind,text,target,identity_source\na.txt,full,\"410 U.S. 113\",410 U.S. 113,\n"},
		{"cites.txt", "DOC    LINE  KIND  CITATION                    PIN  TARGET        NOTE\na.txt  1     full  Roe v. Wade, 410 U.S. 113       410 U.S. 113\n"},
	} {
		docs, err := Read(tc.name, strings.NewReader(tc.data), Options{})
		if len(docs) != 0 {
			t.Errorf("%s %.30q: read %d documents from a citation table", tc.name, tc.data, len(docs))
		}
		wantProblem(t, err, ProblemCitationTable, "citegraph extract")
	}
	for _, text := range []string{
		"Doc. 12, kind of target practice: Roe v. Wade, 410 U.S. 113 (1973).\n",
		"doc kind\ntarget: Roe v. Wade, 410 U.S. 113 (1973).\n",
		`{"id": "x", "text": "Roe v. Wade, 410 U.S. 113 (1973)", "kind": "majority", "target": "none"}`,
	} {
		if docs, err := Read("op.txt", strings.NewReader(text), Options{}); err != nil || len(docs) != 1 {
			t.Errorf("%q: %d documents, %v; want it read as an opinion", text, len(docs), err)
		}
	}
}

func TestIsCitationTable(t *testing.T) {
	for cols, want := range map[string]bool{
		"doc,kind,target":                      true,
		"Doc,KIND,text,target,identity_source": true,
		"id,text,case_name":                    false,
		"doc,kind,text":                        false,
		"source,target,weight":                 false,
	} {
		if got := IsCitationTable(strings.Split(cols, ",")); got != want {
			t.Errorf("IsCitationTable(%s) = %v", cols, got)
		}
	}
}
