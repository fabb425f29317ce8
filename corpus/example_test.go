package corpus_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/citegraph/citegraph/corpus"
)

// Read a folder of opinions in any of the supported formats on a pool of
// workers; emit sees each document, with its identity, in input order.
func ExampleProcess() {
	dir, _ := os.MkdirTemp("", "opinions")
	defer os.RemoveAll(dir)
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("See Imbler v. Pachtman, 424 U. S. 409 (1976)."), 0o644)
	os.WriteFile(filepath.Join(dir, "b.html"), []byte(`<div><center><b>424 U.S. 409 (1976)</b></center>
<center><h1>IMBLER<br>v.<br>PACHTMAN.</h1></center><p><span class="star-pagination">*410</span> Opinion text.</p></div>`), 0o644)

	inputs, err := corpus.Expand([]string{dir})
	if err != nil {
		panic(err)
	}
	words := func(d *corpus.Document) (int, error) { return len(d.Text), nil }
	emit := func(d *corpus.Document, n int) error {
		if !d.Meta.HasIdentity() {
			fmt.Printf("%s: %s, %d bytes of text, no identity: id %s\n", filepath.Base(d.Path), d.Format, n, filepath.Base(d.ID))
			return nil
		}
		fmt.Printf("%s: %s, %d bytes of text, %q %v (from the %s)\n",
			filepath.Base(d.Path), d.Format, n, d.Meta.CaseName, d.Meta.Citations, d.Meta.Source)
		return nil
	}
	sum, err := corpus.Process(context.Background(), inputs, corpus.Options{Jobs: 2}, corpus.Hooks{}, words, emit)
	if err != nil {
		panic(err)
	}
	fmt.Println(sum.Docs, "documents")
	// Output:
	// a.txt: text, 45 bytes of text, no identity: id a.txt
	// b.html: courtlistener-html, 53 bytes of text, "IMBLER v. PACHTMAN" [424 U.S. 409] (from the text)
	// 2 documents
}
