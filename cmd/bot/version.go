package main

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
)

// version is set at build time: go build -ldflags "-X main.version=v1.2.3".
var version = "dev"

var versionCommand = &command{
	name:    "version",
	summary: "print the version",
	about:   "Prints the version, the source revision when the build recorded one, and the Go version.",
	example: "bot version",
	run:     runVersion,
}

func runVersion(ctx context.Context, m *Main) error {
	v := version
	if info, ok := debug.ReadBuildInfo(); ok {
		if v == "dev" && info.Main.Version != "" && info.Main.Version != "(devel)" {
			v = info.Main.Version
		}
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				v += " (" + s.Value[:12] + ")"
			}
		}
	}
	_, err := fmt.Fprintf(m.Stdout, "bot %s %s\n", v, runtime.Version())
	return err
}
