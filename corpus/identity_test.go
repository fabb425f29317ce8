package corpus

import (
	"fmt"
	"testing"
)

func TestParseDate(t *testing.T) {
	for in, want := range map[string]string{
		"Decided May 29, 1922.":          "1922-05-29",
		"Opinion delivered June 1, 1948": "1948-06-01",
		"Argued Sept. 3, 2001":           "2001-09-03",
		"filed 2009-01-26 and later":     "2009-01-26",
		"Promulgated November 13, 1942.": "1942-11-13",
		"no date here":                   "",
		"May 32, 1922":                   "",
		"1871-12":                        "1871-12",
	} {
		if got := parseDate(in); got != want {
			t.Errorf("parseDate(%q) = %q, want %q", in, got, want)
		}
	}
	if got := latestDate("Decided April 2, 1945. Rehearing denied April 30, 1945."); got != "1945-04-30" {
		t.Errorf("latestDate = %q", got)
	}
}

func TestHeaderCitation(t *testing.T) {
	for in, want := range map[string]string{
		"259 U.S. 255 (1922)":             "259 U.S. 255|1922",
		"517 U.S. 484 (S.Ct. 1996)":       "517 U.S. 484|1996",
		"380 P.2d 136":                    "380 P.2d 136|",
		"237 F. Supp. 323 (1965).":        "237 F. Supp. 323|1965",
		"No. 195.":                        "",
		"Supreme Court of United States.": "",
	} {
		cite, year, ok := headerCitation(in)
		got := ""
		if ok {
			got = cite + "|" + year
		}
		if got != want {
			t.Errorf("headerCitation(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestOpinionTypes(t *testing.T) {
	for in, want := range map[string]string{
		"010combined": "combined", "020lead": "majority", "025plurality": "plurality",
		"030concurrence": "concurrence", "035concurrenceinpart": "concurrence-in-part",
		"040dissent": "dissent", "concurring-in-part-and-dissenting-in-part": "concurrence-in-part",
		"majority": "majority", "dissent": "dissent", "concurring": "concurrence", "": "",
	} {
		if got := normalOpinion(in); got != want {
			t.Errorf("normalOpinion(%q) = %q, want %q", in, got, want)
		}
	}
	if got := opinionFromName("scotus/100122_040dissent.html.gz"); got != "dissent" {
		t.Errorf("opinionFromName = %q", got)
	}
	if got := opinionFromName("van-de-kamp.html"); got != "" {
		t.Errorf("opinionFromName of an ordinary name = %q", got)
	}
}

func TestTextIdentity(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"(Slip Opinion)\nCite as: 563 U. S. 51 (2011)\n\nCONNICK, DISTRICT ATTORNEY, ET AL. v. THOMPSON\n\nDecided March 29, 2011\n",
			"{CONNICK, DISTRICT ATTORNEY v. THOMPSON [563 U.S. 51] Supreme Court of the United States  2011-03-29   text}"},
		{"259 U.S. 255 (1922)\nCARLISLE PACKING COMPANY\nv.\nSANDANGER.\nNo. 195.\nDecided May 29, 1922.\n",
			"{CARLISLE PACKING COMPANY v. SANDANGER [259 U.S. 255]   1922-05-29   text}"},
		{"An ordinary letter v. nothing.\nDecided May 29, 1922.", "{ []      }"},
	} {
		if got := fmt.Sprint(textIdentity(tc.text, nil)); got != tc.want {
			t.Errorf("textIdentity:\n got %s\nwant %s", got, tc.want)
		}
	}
}
