package main

import (
	"fmt"
	"runtime/debug"
	"strings"
)

// version describes the build for --version: the module version, and the
// commit it was built from, as the Go toolchain stamps them into the
// binary (go build in a git checkout; go install of a tagged version).
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown (built without module information)"
	}
	vcs := map[string]string{}
	for _, s := range info.Settings {
		vcs[s.Key] = s.Value
	}
	var b strings.Builder
	if v := info.Main.Version; v != "" && v != "(devel)" {
		b.WriteString(v)
	} else {
		// "(devel)" is what the toolchain stamps when it knows no
		// version: a build without VCS information.
		b.WriteString("version unknown (a development build)")
	}
	if rev := vcs["vcs.revision"]; rev != "" {
		fmt.Fprintf(&b, "\ncommit %s", rev)
		if t := vcs["vcs.time"]; t != "" {
			fmt.Fprintf(&b, " (%s)", t)
		}
		if vcs["vcs.modified"] == "true" {
			b.WriteString(", with uncommitted changes")
		}
	} else {
		b.WriteString("\ncommit unknown (built without VCS information: -buildvcs=false, or outside a git checkout)")
	}
	fmt.Fprintf(&b, "\n%s", info.GoVersion)
	return b.String()
}
