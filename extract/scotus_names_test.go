package extract_test

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/corpus"
	"github.com/citegraph/citegraph/extract"
)

// TestScotusNames measures the case names read before the full citations
// of the Supreme Court set: of the full citations of another case of the
// set (known by a citation of the manifest) whose text gives a name, the
// share whose name agrees with the manifest's name for that case.
// Citations the text gives no name ("…the elevator operator.” 261 U. S.
// 525", "[19] 283 U.S. 359") are counted apart.
//
// Opinions also name cases in ways no manifest knows — the popular name
// ("Minnesota Rate Cases" for Simpson v. Shepard), the name under which a
// case is universally cited ("Coyle v. Oklahoma" for Coyle v. Smith),
// another party of consolidated cases. A name that disagrees with the
// manifest but that the opinions of two other cases of the set write for
// the same citation is such a name, read right: the second figure counts
// those as agreeing, and is the one held to 99%. SCOTUS_NAMES=1 prints
// every disagreement.
func TestScotusNames(t *testing.T) {
	f, err := os.Open(filepath.Join(scotusDir, "manifest.csv"))
	if err != nil {
		t.Skipf("shared corpus absent: %v", err)
	}
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	tab := extract.DefaultReporters()
	nameOf := map[string]string{} // citation → the manifest's name
	files := map[string]string{}  // file → its own first citation
	for _, r := range rows[1:] {
		for _, cite := range strings.Split(r[2], ";") {
			if ref, ok := normalRef(tab, cite); ok {
				nameOf[ref] = r[1]
				if files[r[0]] == "" {
					files[r[0]] = ref
				}
			}
		}
	}
	var names []string
	for file := range files {
		names = append(names, file)
	}
	sort.Strings(names)
	type reading struct {
		file, cluster, ref, got, want, text, before string
	}
	var wrong []reading
	// usedBy lists, for a citation and a name read for it, the cases
	// (clusters) whose opinions write that name.
	usedBy := map[[2]string]map[string]bool{}
	total, agree := 0, 0
	kinds := map[string]int{}
	for _, file := range names {
		docs, err := corpus.ReadFile(filepath.Join(scotusDir, file), corpus.Options{})
		if err != nil || len(docs) != 1 {
			t.Fatalf("%s: %v", file, err)
		}
		own := nameOf[files[file]]
		cluster, _, _ := strings.Cut(file, "_")
		for _, c := range extract.Extract(docs[0].Text) {
			if c.Kind != extract.Full {
				continue
			}
			want, ok := nameOf[c.Ref.String()]
			if !ok || want == own {
				continue
			}
			before := docs[0].Text[max(0, c.Start-70):c.Start]
			if c.CaseName == "" && !nameBefore(before) {
				kinds["no name in the text"]++
				continue
			}
			total++
			if c.CaseName != "" {
				key := [2]string{c.Ref.String(), nameKey(c.CaseName)}
				if usedBy[key] == nil {
					usedBy[key] = map[string]bool{}
				}
				usedBy[key][cluster] = true
			}
			if namesAgree(c.CaseName, want) {
				agree++
				continue
			}
			wrong = append(wrong, reading{file, cluster, c.Ref.String(), c.CaseName, want, c.Text, before})
		}
	}
	var shown []string
	corroborated := 0
	for _, w := range wrong {
		kind := "wrong name"
		switch users := usedBy[[2]string{w.ref, nameKey(w.got)}]; {
		case w.got == "":
			kind = "name lost"
		case len(users) >= 3 || len(users) == 2 && !users[w.cluster]:
			kind = "another name the opinions use"
			corroborated++
		}
		kinds[kind]++
		shown = append(shown, fmt.Sprintf("%s: %s: got %q, manifest %q (%q after %q)", kind, w.file, w.got, w.want, w.text, w.before))
	}
	share := float64(agree) / float64(total)
	named := float64(agree+corroborated) / float64(total)
	t.Logf("Supreme Court set, full citations of other cases in the set whose text names them: %d; the name read agrees with the manifest for %d (%.2f%%), with the manifest or a name the opinions of two other cases use for it for %d (%.2f%%); %v",
		total, agree, 100*share, agree+corroborated, 100*named, kinds)
	for i, s := range shown {
		if i < 25 || os.Getenv("SCOTUS_NAMES") != "" {
			t.Log(s)
		}
	}
	if share < 0.99 {
		t.Errorf("name agreement with the manifest %.4f below 0.99", share)
	}
}

// nameKey folds a name to the first word of each side, so that "Automobile
// Workers v. Wisconsin Board" and "Automobile Workers v. Wisconsin Emp.
// Rel. Board" are one name.
func nameKey(name string) string {
	sides := nameSides(name)
	for i, s := range sides {
		sides[i], _, _ = strings.Cut(s, " ")
	}
	return strings.Join(sides, " v ")
}

// nameBefore reports whether the text before a citation ends the way a
// name ends before its citation: a word in capitals, or an abbreviation,
// and a comma (not the blank of an unpaged report).
func nameBefore(before string) bool {
	t := strings.TrimRight(before, " \n\t")
	t, ok := strings.CutSuffix(t, ",")
	if !ok || t == "" || strings.HasSuffix(t, "—") || strings.HasSuffix(t, "\u0097") || strings.HasSuffix(t, "_") {
		return false // a blank page: "— Mont. —, 615 P. 2d 847"
	}
	w := t[strings.LastIndexAny(t, " \n(")+1:]
	return w != "" && (w[0] >= 'A' && w[0] <= 'Z' || w[len(w)-1] == '.' || w[len(w)-1] == ')')
}

// normalRef writes a citation as written in a manifest in canonical form.
func normalRef(tab *extract.Reporters, cite string) (string, bool) {
	m := fullCiteText.FindStringSubmatch(strings.TrimSpace(cite))
	if m == nil {
		return "", false
	}
	r := tab.Find(m[2])
	if r == nil {
		return "", false
	}
	return extract.Ref{Volume: m[1], Reporter: r.Abbrev, Page: m[3]}.String(), true
}

// namesAgree reports whether a name read before a citation names the
// case a manifest names. Opinions name a case in many ways, none of them
// an extraction error: abbreviated ("NLRB v. Gissel Packing Co.",
// "Board of Ed." for "Board of Education", "Hague v. C.I.O."), misspelt
// ("Willcuts" for "Willcutts"), or by another party ("German Alliance Ins.
// Co. v. Kansas" for the manifest's "German Alliance Insurance v.
// Lewis"); and manifests often hold the whole caption ("GIBBONS,
// Appellant, v. OGDEN, Respondent"). An extraction error is a name lost,
// cut ("R.R. v. Harrison") or taken from the prose ("Petitioner",
// "La."). So each side of the name read must hold a significant word
// (not one that many names hold) that stands in the manifest's name,
// spelt the same, abbreviated, as the initials of its words, or one
// letter off.
func namesAgree(got, want string) bool {
	g := nameSides(got)
	if len(g) == 0 {
		return false
	}
	ws := nameSides(want)
	w := strings.Fields(strings.Join(ws, " "))
	for _, side := range g {
		// A side that holds a whole side of the manifest's name, or is
		// held by it, word for word or abbreviated, agrees ("Railroad
		// Commission of Kentucky"; "Western Union Tel. Co." holds
		// "Telegraph Co.").
		ok := false
		words := strings.Fields(side)
		for _, m := range ws {
			ok = ok || holds(words, strings.Fields(m)) || holds(strings.Fields(m), words)
		}
		sig := words[:0:0]
		for _, word := range words {
			if !commonNameWords[word] {
				sig = append(sig, word)
			}
		}
		if len(sig) == 0 {
			sig = words // "The Bank", "Commission": only common words
		}
		for _, word := range sig {
			ok = ok || wordIn(word, w)
		}
		if !ok {
			return false
		}
	}
	return true
}

// holds reports whether the words part stand in words, in order and
// next to each other, each the same or abbreviated (see wordIn).
func holds(words, part []string) bool {
	if len(part) == 0 {
		return false
	}
next:
	for i := 0; i+len(part) <= len(words); i++ {
		for k, p := range part {
			if !wordIn(p, words[i+k:i+k+1]) {
				continue next
			}
		}
		return true
	}
	return false
}

// wordIn reports whether word stands in words: the same, one an
// abbreviation of the other (cut short, "Ins." for "Insurance", or
// contracted, "Comm'n" for "Commission", "Ky." for "Kentucky"), the
// initials of a run of them, or one letter off or two swapped.
func wordIn(word string, words []string) bool {
	var initials strings.Builder
	for _, x := range words {
		if !smallWords[x] {
			initials.WriteByte(x[0])
		}
		switch {
		case x == word,
			len(word) >= 2 && len(x) >= 2 && (strings.HasPrefix(x, word) || strings.HasPrefix(word, x)),
			contraction(word, x) || contraction(x, word),
			len(word) >= 5 && (oneLetterOff(word, x) || swapped(word, x)):
			return true
		}
	}
	return len(word) >= 2 && strings.Contains(initials.String(), word)
}

// contraction reports whether a is a contraction of b in the Bluebook's
// manner (table T6): b's first and last letters with some of the letters
// between, in order ("commn" for "commission", "bd" for "board").
func contraction(a, b string) bool {
	if len(a) < 2 || len(a) >= len(b) || a[0] != b[0] || a[len(a)-1] != b[len(b)-1] {
		return false
	}
	j := 1
	for i := 1; i < len(a)-1; i++ {
		for j < len(b)-1 && b[j] != a[i] {
			j++
		}
		if j == len(b)-1 {
			return false
		}
		j++
	}
	return true
}

// swapped reports whether a and b differ by two neighbouring letters
// swapped ("keifer" for "kiefer").
func swapped(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
}

// oneLetterOff reports whether a and b differ by one letter changed,
// added or dropped.
func oneLetterOff(a, b string) bool {
	if len(a) < len(b) {
		a, b = b, a
	}
	if len(a)-len(b) > 1 {
		return false
	}
	i := 0
	for i < len(b) && a[i] == b[i] {
		i++
	}
	if len(a) == len(b) {
		return a[i+1:] == b[i+1:]
	}
	return a[i+1:] == b[i:]
}

var smallWords = map[string]bool{"of": true, "for": true, "the": true, "and": true, "a": true, "an": true}

// commonNameWords are words so many case names hold that sharing one says
// nothing.
var commonNameWords = map[string]bool{
	"co": true, "inc": true, "corp": true, "company": true, "the": true, "and": true, "of": true, "for": true,
	"united": true, "states": true, "state": true, "railroad": true, "railway": true, "ry": true, "rr": true,
	"r": true, "petitioner": true, "respondent": true, "appellant": true, "appellee": true, "county": true,
	"city": true, "commission": true, "board": true, "comm": true, "commissioner": true, "bank": true,
	"national": true, "la": true, "tel": true, "v": true,
}

func nameSides(name string) []string {
	f := strings.ToLower(name)
	f = strings.NewReplacer(". ", " ", ".", "", ",", " ", "'", "", "’", "", "&", " and ", "(", " ", ")", " ").Replace(f)
	f = " " + strings.Join(strings.Fields(f), " ") + " "
	for _, p := range []string{" in re ", " ex parte ", " matter of "} {
		f = strings.ReplaceAll(f, p, " ")
	}
	// "u s" (from "U. S.") is one word, "us".
	words := strings.Fields(f)
	for i := 0; i < len(words)-1; i++ {
		if len(words[i]) == 1 && len(words[i+1]) == 1 && words[i] != "v" && words[i+1] != "v" {
			words[i] += words[i+1]
			words = append(words[:i+1], words[i+2:]...)
			i--
		}
	}
	f = " " + strings.Join(words, " ") + " "
	var sides []string
	for _, s := range strings.Split(f, " v ") {
		if s = strings.TrimSpace(s); s != "" {
			sides = append(sides, s)
		}
	}
	return sides
}
