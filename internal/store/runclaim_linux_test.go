package store_test

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/briefbot/briefbot/internal/store"
)

// claimChildEnv makes the test binary a process that claims a run of the
// store it names and holds the claim until it is killed.
const claimChildEnv = "BRIEFBOT_TEST_CLAIM_CHILD"

func TestMain(m *testing.M) {
	if path := os.Getenv(claimChildEnv); path != "" {
		holdClaim(path)
		return
	}
	os.Exit(m.Run())
}

func holdClaim(path string) {
	db, err := store.Open(path)
	if err != nil {
		os.Exit(3)
	}
	if _, err := db.ClaimRun(context.Background(), "sub1-2025-04-01T08:00:00Z"); err != nil {
		os.Exit(4)
	}
	os.Stdout.WriteString("claimed\n")
	select {} // until killed
}

// Two processes on one SQLite file: a digest run another process holds
// is not claimed until that process dies, and its death (SIGKILL, no
// release) ends the claim.
func TestClaimRunExcludesOtherProcessesUntilTheHolderDies(t *testing.T) {
	path := filepath.Join(t.TempDir(), "briefbot.db")
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()

	child := exec.Command(os.Args[0], "-test.run=^$")
	child.Env = append(os.Environ(), claimChildEnv+"="+path)
	out, err := child.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	defer child.Process.Kill()
	if line, err := bufio.NewReader(out).ReadString('\n'); err != nil || line != "claimed\n" {
		t.Fatalf("the child did not claim the run: %q, %v", line, err)
	}

	ctx := context.Background()
	short, cancel := context.WithTimeout(ctx, 100*time.Millisecond)
	defer cancel()
	if release, err := db.ClaimRun(short, "sub1-2025-04-01T08:00:00Z"); err == nil {
		release()
		t.Fatal("a run another process holds was claimed")
	}
	other, err := db.ClaimRun(ctx, "sub1-2025-04-02T08:00:00Z")
	if err != nil {
		t.Fatalf("another run waited for the child's: %v", err)
	}
	other()

	if err := child.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	child.Wait()
	bounded, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	release, err := db.ClaimRun(bounded, "sub1-2025-04-01T08:00:00Z")
	if err != nil {
		t.Fatalf("the claim of a killed process was not released: %v", err)
	}
	release()
}
