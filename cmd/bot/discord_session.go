package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/internal/config"
)

// discordSession returns a discordgo session for the bot token (through
// m.newSession, which tests point at a fake Discord). It is not opened.
func (m *Main) discordSession(token string) (*discordgo.Session, error) {
	newSession := m.newSession
	if newSession == nil {
		newSession = func(token string) (*discordgo.Session, error) { return discordgo.New("Bot " + token) }
	}
	s, err := newSession(strings.TrimPrefix(token, "Bot "))
	if err != nil {
		return nil, fmt.Errorf("discord session: %w", err)
	}
	// discordgo logs through the standard logger at its own levels; keep
	// it to errors, which never include the token.
	s.LogLevel = discordgo.LogError
	return s, nil
}

// discordToken is DISCORD_TOKEN, or an error saying what it is for and
// where to get it.
func (m *Main) discordToken(purpose string) (string, error) {
	token := strings.TrimSpace(m.Getenv(config.EnvDiscordToken))
	if token == "" {
		return "", fmt.Errorf("%s is not set: %s needs the bot token; copy it from the Discord Developer Portal (your application > Bot > Reset Token) into the environment variable %s",
			config.EnvDiscordToken, purpose, config.EnvDiscordToken)
	}
	return token, nil
}

// discordAppID is the application ID from DISCORD_APP_ID or the config's
// discord.app_id, or an error saying where to set it.
func (m *Main) discordAppID(purpose string) (string, error) {
	if id := m.config.Discord.AppID; id != "" {
		return id, nil
	}
	return "", fmt.Errorf("%s is not set: %s needs the application ID; copy it from the Discord Developer Portal (your application > General Information > Application ID) into the environment variable %s or discord.app_id in %s",
		config.EnvDiscordAppID, purpose, config.EnvDiscordAppID, configName(m))
}

// IsBoolFlag makes an option declared without an argument placeholder a
// switch (--sync, --sync=false), for the flag package; every other option
// takes a value.
func (v *optionValue) IsBoolFlag() bool { return v.opt.arg == "" }

// boolOption reads a switch: true when given without a value.
func (m *Main) boolOption(name string) (bool, error) {
	v := m.flags.get(name)
	if v == "" {
		return false, nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return false, usagef(m.cmd, "--%s: %q is not true or false", name, v)
	}
	return b, nil
}
