package extract_test

import (
	"slices"
	"testing"

	"github.com/citegraph/citegraph/extract"
)

// An Id. after legislative material repeats it, never the case cited
// before it, so that the case gets no edge it was not given.
func TestLegislativeBeforeID(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		want  []string
		cases int // citations of a case
	}{
		{"reports and the Record, modern style",
			"Ashcroft v. Iqbal, 556 U.S. 662, 678 (2009). Congress said so. H. R. Rep. No. 94-1476, p. 665 (1976). Id., at 670. " +
				"See also S. Rep. No. 95-181, at 664 (1977); id., at 667. The sponsor agreed. 122 Cong. Rec. 668 (1976). Id., at 669.",
			[]string{"full 556 U.S. 662 pin=678", "legislative H. R. Rep. No. 94-1476 pin=665", "id H. R. Rep. No. 94-1476 pin=670",
				"legislative S. Rep. No. 95-181 pin=664", "id S. Rep. No. 95-181 pin=667",
				"legislative 122 Cong. Rec. 668", "id 122 Cong. Rec. 668 pin=669"}, 1},
		{"reports by Congress and session, conference reports in parts, the daily edition",
			"Chevron U.S.A. Inc. v. NRDC, 467 U.S. 837, 842 (1984). H.R. Rep. No. 1476, 94th Cong., 2d Sess., 65 (1976). Id., at 66. " +
				"See H. R. Conf. Rep. No. 104-458, pt. 1, at 113 (1996); id. at 114. " +
				"Cf. 152 Cong. Rec. S1234 (daily ed. Feb. 1, 2006) (statement of Sen. Leahy). Id. " +
				"S.Doc. No. 403, 29th Cong., 1st Sess. 3 (1846). Ibid.",
			[]string{"full 467 U.S. 837 pin=842",
				"legislative H. R. Rep. No. 1476, 94th Cong., 2d Sess. pin=65", "id H. R. Rep. No. 1476, 94th Cong., 2d Sess. pin=66",
				"legislative H. R. Conf. Rep. No. 104-458, pt. 1 pin=113", "id H. R. Conf. Rep. No. 104-458, pt. 1 pin=114",
				"legislative 152 Cong. Rec. S1234", "id 152 Cong. Rec. S1234",
				"legislative S. Doc. No. 403, 29th Cong., 1st Sess. pin=3", "id S. Doc. No. 403, 29th Cong., 1st Sess. pin=3"}, 1},
		{"the Globe, hearings and bills",
			"Monroe v. Pape, 365 U.S. 167, 171 (1961). See Cong. Globe, 42d Cong., 1st Sess., App. 68 (1871). Id., at 69. " +
				"Hearings on H. R. 123 before the Subcommittee on Courts of the House Committee on the Judiciary, 95th Cong., 1st Sess., 12 (1977). Id., at 14. " +
				"H. R. 3162, 107th Cong. § 2 (2001). Id. § 3. S. 1, 110th Cong. (2007); id., at 4. 1 Annals of Cong. 434 (1789). Id., at 440.",
			[]string{"full 365 U.S. 167 pin=171",
				"legislative Cong. Globe, 42d Cong., 1st Sess. App. 68", "id Cong. Globe, 42d Cong., 1st Sess. App. 68 pin=69",
				"legislative Hearings on H. R. 123 before the Subcommittee on Courts of the House Committee on the Judiciary, 95th Cong., 1st Sess. 12",
				"id Hearings on H. R. 123 before the Subcommittee on Courts of the House Committee on the Judiciary, 95th Cong., 1st Sess. 12 pin=14",
				"legislative H. R. 3162, 107th Cong. pin=§ 2", "id H. R. 3162, 107th Cong. pin=§ 3",
				"legislative S. 1, 110th Cong.", "id S. 1, 110th Cong. pin=4",
				"legislative 1 Annals of Cong. 434", "id 1 Annals of Cong. 434 pin=440"}, 1},
		{"a report with its page as p., a report with at, the bound Record",
			"Monell v. Department of Social Services, 436 U.S. 658, 690 (1978). The Committee said as much. H. R. Rep. No. 95-1170, p. 5 (1978). Id., at 6. " +
				"Gregory v. Ashcroft, 501 U.S. 452, 460 (1991). See S. Rep. No. 94-1011, at 3 (1976). Id. at 4. Ibid. " +
				"Mitchum v. Foster, 407 U.S. 225, 238 (1972). The sponsor explained. 122 Cong. Rec. 31472 (1976). Id., at 31473.",
			[]string{"full 436 U.S. 658 pin=690", "legislative H. R. Rep. No. 95-1170 pin=5", "id H. R. Rep. No. 95-1170 pin=6",
				"full 501 U.S. 452 pin=460", "legislative S. Rep. No. 94-1011 pin=3", "id S. Rep. No. 94-1011 pin=4", "id S. Rep. No. 94-1011 pin=4",
				"full 407 U.S. 225 pin=238", "legislative 122 Cong. Rec. 31472", "id 122 Cong. Rec. 31472 pin=31473"}, 3},
		{"a report by its number alone is the one cited before with its Congress",
			"NLRB v. Jones & Laughlin Steel Corp., 301 U.S. 1, 30 (1937). See H. R. Rep. No. 709, 75th Cong., 1st Sess., 4 (1937). " +
				"The committee went on. H. Rep. No. 709, at 6. Id., at 7. S. Rep. No. 709, at 2.",
			[]string{"full 301 U.S. 1 pin=30",
				"legislative H. R. Rep. No. 709, 75th Cong., 1st Sess. pin=4", "legislative H. R. Rep. No. 709, 75th Cong., 1st Sess. pin=6",
				"id H. R. Rep. No. 709, 75th Cong., 1st Sess. pin=7", "legislative S. Rep. No. 709 pin=2"}, 1},
		{"a report cited with its Congress before the number, then by the number alone",
			"Imbler v. Pachtman, 424 U.S. 409 (1976). H. R. Rep. No. 95-1170, p. 4 (1978). Imbler, supra, at 430. " +
				"H. R. Rep. No. 1170, at 6. S. Rep. No. 94-1011, at 3 (1976). S. Rep. No. 1011, at 5; id., at 6.",
			[]string{"full 424 U.S. 409", "legislative H. R. Rep. No. 95-1170 pin=4", "supra 424 U.S. 409 pin=430",
				"legislative H. R. Rep. No. 95-1170 pin=6", "legislative S. Rep. No. 94-1011 pin=3",
				"legislative S. Rep. No. 94-1011 pin=5", "id S. Rep. No. 94-1011 pin=6"}, 2},
		{"a bill number without its Congress is prose",
			"S. 1 was introduced. Brown v. Board of Education, 347 U.S. 483 (1954). Id., at 495.",
			[]string{"full 347 U.S. 483", "id 347 U.S. 483 pin=495"}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := briefs(tt.text)
			if !slices.Equal(got, tt.want) {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
			cases := 0
			for _, c := range extract.Extract(tt.text) {
				if c.IsCase() {
					cases++
				}
				if c.Kind == extract.Legislative && c.Authority() != extract.Legislative {
					t.Errorf("%q: authority %s", c.Text, c.Authority())
				}
			}
			if cases != tt.cases {
				t.Errorf("%d citations of a case, want %d", cases, tt.cases)
			}
		})
	}
}
