//go:build race

package main

// raceEnabled: the tests run with the race detector, which makes SQLite
// (C translated to Go) several times slower.
const raceEnabled = true
