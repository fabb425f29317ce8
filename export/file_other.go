//go:build !unix

package export

import (
	"os"
	"time"
)

// lockTemp does nothing where there is no advisory locking: isStale goes
// by age instead.
func lockTemp(*os.File) {}

// staleAge is how old a temporary file must be to be taken for a killed
// write's where locks cannot tell.
const staleAge = 24 * time.Hour

func isStale(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && time.Since(fi.ModTime()) > staleAge
}
