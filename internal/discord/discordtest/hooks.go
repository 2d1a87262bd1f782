package discordtest

import (
	"context"
	"net/http"
)

// MessagePost is a channel message (POST /channels/{id}/messages) on its
// way through the fake, as a MessageHook sees it.
type MessagePost struct {
	ChannelID string
	// Message is what the bot sent; its ID is set once Created.
	Message Message
	// Created tells the two points the hook is called at: false before the
	// fake creates the message, true after it has been created (stored,
	// its nonce remembered) and before the answer is written.
	Created bool
}

// MessageHook is called for every valid channel message the fake is asked
// to create, twice: before and after it is created (MessagePost.Created);
// a message repeating an enforced nonce, answered with the first one
// instead of being created, sees only the first call.
// The request waits for the hook to return, so a test can stop the client
// at either point, for instance kill the process that sent it. Returning
// false drops the request there, as when the network or Discord fails
// mid-request: before creating, the message is not created; after, it is
// kept but the answer is lost. Either way the connection is closed
// without an answer. ctx is the request's: it ends when the client goes.
type MessageHook func(ctx context.Context, post MessagePost) bool

// SetMessageHook installs hook (nil removes it). It applies to requests
// that arrive from then on.
func (s *Server) SetMessageHook(hook MessageHook) {
	s.mu.Lock()
	s.messageHook = hook
	s.mu.Unlock()
}

// runMessageHook calls the installed hook, if any, without holding s.mu,
// and reports whether the request goes on.
func (s *Server) runMessageHook(c *call, post MessagePost) bool {
	s.mu.Lock()
	hook := s.messageHook
	s.mu.Unlock()
	if hook == nil || hook(c.r.Context(), post) {
		return true
	}
	c.dropped = true
	return false
}

// dropConnection ends a request a hook dropped: net/http closes the
// connection without writing an answer.
func dropConnection() { panic(http.ErrAbortHandler) }
