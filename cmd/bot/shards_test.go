//go:build unix

package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/internal/discord/discordtest"
)

// guildOnShard returns a guild ID whose events Discord sends to shard of
// count: (id >> 22) % count, the n-th such ID.
func guildOnShard(shard, count, n int) string {
	return strconv.FormatUint((uint64(1_300_000_000+count*n+shard))<<22, 10)
}

// TestGatewayShardsAcrossProcesses runs bot serve twice, as shards 0 and
// 1 of 2, against one fake gateway and one store: every guild's
// interactions reach exactly one process, the one of its shard, and are
// answered once; direct messages reach shard 0.
func TestGatewayShardsAcrossProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("starts bot serve twice")
	}
	ctx, cancel := context.WithTimeout(t.Context(), 60*time.Second)
	defer cancel()
	srv := discordtest.NewServer(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "bot.db")
	bot(t, "ingest", filepath.Join("..", "..", "examples", "articles"), "--db", db, "--config", "").mustCode(t, 0)
	var shards []*child
	for shard := range 2 {
		config := filepath.Join(dir, fmt.Sprintf("shard%d.yaml", shard))
		if err := os.WriteFile(config, fmt.Appendf(nil, "discord:\n  shard_id: %d\n  shard_count: 2\n", shard), 0o644); err != nil {
			t.Fatal(err)
		}
		c, stderr := serveChildWith(t, srv, "serve", "--db", db, "--config", config)
		select {
		case <-stderr.on("connected to the Discord gateway"):
		case <-c.exited:
			t.Fatalf("shard %d exited (%v)\nstderr:\n%s", shard, c.err, c.stderr)
		case <-ctx.Done():
			t.Fatalf("shard %d did not connect: %v\nstderr:\n%s", shard, ctx.Err(), c.stderr)
		}
		shards = append(shards, c)
	}

	type sent struct {
		interaction *discordgo.Interaction
		shard       int
	}
	var all []sent
	for n := range 3 {
		for shard := range 2 {
			i := discordtest.SlashCommand(discordtest.Command{Name: "sources", Origin: discordtest.Origin{GuildID: guildOnShard(shard, 2, n)}})
			all = append(all, sent{i, shard})
		}
	}
	all = append(all, sent{discordtest.SlashCommand(discordtest.Command{Name: "sources", Origin: discordtest.Origin{DM: true}}), 0})
	for _, s := range all {
		srv.DispatchInteraction(s.interaction)
	}
	dm := discordtest.DirectMessage(nil, "who said what about the dam?")
	srv.DispatchMessage(dm)

	for _, s := range all {
		if _, err := srv.WaitCallback(ctx, s.interaction.ID); err != nil {
			t.Fatalf("interaction of guild %q not answered: %v", s.interaction.GuildID, err)
		}
	}
	if _, err := srv.WaitMessage(ctx, dm.ChannelID); err != nil {
		t.Fatalf("the direct message was not answered: %v", err)
	}
	answered := map[string]int{}
	for _, cb := range srv.Callbacks() {
		answered[cb.InteractionID]++
	}
	for _, s := range all {
		if n := answered[s.interaction.ID]; n != 1 {
			t.Errorf("interaction of guild %q answered %d times, want once", s.interaction.GuildID, n)
		}
	}
	byGuild := map[string][][2]int{}
	for _, d := range srv.Dispatches() {
		if d.Event == "INTERACTION_CREATE" || d.Event == "MESSAGE_CREATE" {
			byGuild[d.GuildID] = append(byGuild[d.GuildID], d.Shards...)
		}
	}
	for _, s := range all {
		if got := byGuild[s.interaction.GuildID]; s.interaction.GuildID != "" && (len(got) != 1 || got[0] != [2]int{s.shard, 2}) {
			t.Errorf("guild %s's interaction reached shards %v, want only [%d 2]", s.interaction.GuildID, got, s.shard)
		}
	}
	// The DM interaction and the DM message: no guild, both on shard 0.
	if got := byGuild[""]; len(got) != 2 || got[0] != [2]int{0, 2} || got[1] != [2]int{0, 2} {
		t.Errorf("direct messages reached shards %v, want shard 0 only, twice", got)
	}
	for i, c := range shards {
		if err := c.cmd.Process.Signal(syscall.SIGTERM); err != nil {
			t.Fatal(err)
		}
		if code := c.wait(ctx, t); code != 0 {
			t.Errorf("shard %d stopped with status %d\nstderr:\n%s", i, code, c.stderr)
		}
	}
}
