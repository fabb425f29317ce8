package corpus

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// BenchmarkLoadBulk measures what CourtListener's identity tables cost in
// memory, per cluster: it writes clusters, dockets and citations files of
// n clusters in PostgreSQL's CSV dialect (names of realistic length, two
// citations a cluster, one docket each plus as many dockets of no cluster,
// as PACER's are), loads them, and reports the heap they hold and the load
// rate. The cost is linear in the clusters; the README gives it for ten
// million.
func BenchmarkLoadBulk(b *testing.B) {
	for _, n := range []int{100_000, 1_000_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			dir := b.TempDir()
			write := func(name, header string, rows int, row func(w *bufio.Writer, i int)) string {
				path := filepath.Join(dir, name)
				f, err := os.Create(path)
				if err != nil {
					b.Fatal(err)
				}
				w := bufio.NewWriter(f)
				w.WriteString(header + "\n")
				for i := range rows {
					row(w, i)
				}
				if err := w.Flush(); err != nil {
					b.Fatal(err)
				}
				f.Close()
				return path
			}
			files := BulkFiles{
				Clusters: write("opinion-clusters-2025-01-01.csv", "id,case_name,case_name_full,case_name_short,date_filed,date_filed_is_approximate,docket_id", n,
					func(w *bufio.Writer, i int) {
						fmt.Fprintf(w, "\"%d\",\"Petitioner Number %d, Inc. v. The \\\"Respondent\\\" Department of State\",\"\",\"\",\"19%02d-%02d-%02d\",\"f\",\"%d\"\n",
							n-i, i, i%100, 1+i%12, 1+i%28, 2*i)
					}),
				Dockets: write("dockets-2025-01-01.csv", "id,docket_number,court_id", 2*n, func(w *bufio.Writer, i int) {
					fmt.Fprintf(w, "\"%d\",\"No. %d\",\"%s\"\n", i, i, []string{"scotus", "ca9", "cal", "nysd", "txapp"}[i%5])
				}),
				Citations: write("citations-2025-01-01.csv", "id,volume,reporter,page,type,cluster_id", 2*n, func(w *bufio.Writer, i int) {
					if i%2 == 0 {
						fmt.Fprintf(w, "\"%d\",\"%d\",\"F.3d\",\"%d\",\"1\",\"%d\"\n", i, 1+i%999, 1+i%1500, 1+i/2)
					} else {
						fmt.Fprintf(w, "\"%d\",\"%d\",\"U.S. App. LEXIS\",\"%d\",\"8\",\"%d\"\n", i, 1990+i%30, i, 1+i/2)
					}
				}),
			}
			var before, after runtime.MemStats
			var bulk *Bulk
			for b.Loop() {
				bulk = nil
				runtime.GC()
				runtime.ReadMemStats(&before)
				var err error
				if bulk, err = LoadBulk(files, Options{}); err != nil {
					b.Fatal(err)
				}
				runtime.GC()
				runtime.ReadMemStats(&after)
			}
			if bulk.Len() != n || bulk.Skipped != 0 {
				b.Fatalf("%d clusters, %d skipped (%v)", bulk.Len(), bulk.Skipped, bulk.FirstSkip)
			}
			if m, _ := bulk.Cluster(1); len(m.Citations) != 2 || m.Court == "" {
				b.Fatalf("cluster 1: %+v", m)
			}
			b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/float64(n), "bytes/cluster")
			b.ReportMetric(float64(n)/(b.Elapsed().Seconds()/float64(b.N)), "clusters/s")
			runtime.KeepAlive(bulk)
		})
	}
}
