package sources_test

import (
	"strings"
	"testing"

	"github.com/briefbot/briefbot/internal/sources"
)

const (
	paraOne   = "The water board said on Monday that the reservoir was full for the first time in six years."
	paraTwo   = "“We are relieved, but we still ask people to save water,” board spokesperson Ines Duarte said."
	paraThree = "Farmers in the region had asked for help after two dry summers in a row."
)

func TestJunkCutting(t *testing.T) {
	tests := []struct {
		name    string
		content string
		want    string
	}{
		{
			name:    "top junk before the title",
			content: "Skip to main content\nMenu\nShare on Twitter\nReservoir full again\n\n" + paraOne + "\n\n" + paraTwo,
			want:    paraOne + "\n\n" + paraTwo,
		},
		{
			name: "tail from the first marker",
			content: "Reservoir full again\n\n" + paraOne + "\n\n" + paraTwo + "\n\n\n\nSource link\n\n" + paraThree +
				"\n\nRelated Articles\nLEAVE A REPLY\nPlease enter your comment!\nStay Connected\n0FansLike\n0FollowersFollow\nLatest Articles",
			want: paraOne + "\n\n" + paraTwo,
		},
		{
			name:    "share and subscribe tail",
			content: "T\n\n" + paraOne + "\n\nShare this:\nFacebook\nX\n\nSubscribe to our newsletter\n",
			want:    paraOne,
		},
		{
			name:    "cookie notice tail",
			content: "T\n\n" + paraOne + "\n\nWe use cookies to improve your experience. Accept all\n" + paraThree,
			want:    paraOne,
		},
		{
			name:    "counter line ends the article",
			content: "T\n\n" + paraOne + "\n\n12 Shares\n" + paraThree,
			want:    paraOne,
		},
		{
			name:    "read more on its own line",
			content: "T\n\n" + paraOne + "\n\nRead more »\n" + paraThree,
			want:    paraOne,
		},
		{
			name:    "paragraph that merely contains read more stays",
			content: "T\n\n" + paraOne + "\n\nRead more about the drought in the report, the board said, or read more online.\n\n" + paraThree,
			want:    paraOne + "\n\nRead more about the drought in the report, the board said, or read more online.\n\n" + paraThree,
		},
		{
			name:    "paragraph mentioning advertisement and share this stays",
			content: "T\n\n" + paraOne + "\n\nThe board will share this advertisement budget with schools, Duarte said.\n\n" + paraThree,
			want:    paraOne + "\n\nThe board will share this advertisement budget with schools, Duarte said.\n\n" + paraThree,
		},
		{
			name:    "a marker before any paragraph drops only that line",
			content: "T\n\nRelated Articles\n\n" + paraOne + "\n\n" + paraTwo,
			want:    paraOne + "\n\n" + paraTwo,
		},
		{
			name: "junk lines inside the body",
			content: "T\n\n" + paraOne + "\n\nAdvertisement\n\nImage: Water board\n\nImage copyright\nGetty Images\n\n" +
				"Share on Facebook\n\nThe dam at dawn. Image: Ana Lopes (flickr).\n\n(Photo by Kim Lee/Getty Images)\n\n" +
				"██ Reservoir area\n\n" + paraTwo,
			want: paraOne + "\n\n" + paraTwo,
		},
		{
			name:    "a sentence with a colon is not a caption",
			content: "T\n\n" + paraOne + "\n\nDuarte named the problem: leaks in old pipes across the valley.\n",
			want:    paraOne + "\n\nDuarte named the problem: leaks in old pipes across the valley.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := loadOne(t, writeFile(t, "page.txt", []byte(tt.content)), sources.Options{})
			if a.Body != tt.want {
				t.Errorf("Body =\n%s\nwant\n%s", a.Body, tt.want)
			}
		})
	}
}

func TestJunkCuttingTitle(t *testing.T) {
	a := loadOne(t, writeFile(t, "page.txt", []byte("Advertisement\n\nReservoir full again\n"+paraOne)), sources.Options{})
	if a.Title != "Reservoir full again" {
		t.Errorf("Title = %q", a.Title)
	}
	if strings.Contains(a.Body, "Reservoir full again") {
		t.Errorf("title repeated in body: %q", a.Body)
	}
}
