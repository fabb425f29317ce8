//go:build unix

package export

import (
	"os"
	"syscall"
)

// lockTemp marks f as being written: the lock lasts as long as the file
// is open in this process, and the kernel drops it when the process dies.
func lockTemp(f *os.File) {
	syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
}

// isStale reports whether no process holds the temporary file at path
// locked: its writer is gone.
func isStale(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	return syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) == nil
}
