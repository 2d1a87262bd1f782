package main

import (
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"sync/atomic"
)

// roundRobin is the load balancer of bench interactions --instances: a
// reverse proxy on loopback handing each request to the next server.
type roundRobin struct {
	url    string
	server *http.Server
}

func startRoundRobin(servers []*benchServer) (*roundRobin, error) {
	targets := make([]*url.URL, len(servers))
	for i, s := range servers {
		u, err := url.Parse(s.url)
		if err != nil {
			return nil, err
		}
		targets[i] = u
	}
	var next atomic.Uint64
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.MaxIdleConnsPerHost = 64 // the clients keep connections open; so does the proxy
	proxy := &httputil.ReverseProxy{
		Rewrite: func(r *httputil.ProxyRequest) {
			r.SetURL(targets[next.Add(1)%uint64(len(targets))])
		},
		Transport: transport,
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	rr := &roundRobin{url: "http://" + ln.Addr().String(), server: &http.Server{Handler: proxy}}
	go rr.server.Serve(ln) //nolint:errcheck // ends with Close
	return rr, nil
}

// Close stops the proxy.
func (rr *roundRobin) Close() error { return rr.server.Close() }
