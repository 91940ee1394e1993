package ingest

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/schema"
)

var testExtractor = func() *Extractor {
	x, err := DefaultExtractor()
	if err != nil {
		panic(err)
	}
	return x
}()

// asserted returns "subject predicate object" for each asserted claim of
// text, sorted, and the not asserted ones with their modality.
func claimsOfText(text string) (asserted, other []string) {
	ex := testExtractor.Extract(schema.Document{ID: "t", Text: text, Date: "2022-03-05"})
	for _, c := range ex.Claims {
		s := c.Subject + " " + c.Predicate + " " + c.Object
		if c.Asserted() {
			asserted = append(asserted, s)
		} else {
			other = append(other, s+" ("+string(c.Modality)+")")
		}
	}
	sort.Strings(asserted)
	sort.Strings(other)
	return asserted, other
}

func TestExtractFrames(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // asserted claims, all of them
		notWant    []string // claims that must not be asserted
	}{
		{"active voice", "Poland bought 250 Abrams tanks from the United States.", []string{"Poland bought Abrams", "United States sold Abrams"}, nil},
		{"capital acts for its state", "Ankara urged Moscow to halt the offensive.", []string{"Turkey urged Russia"}, nil},
		{"seat of power", "The Kremlin condemned the decision of the White House.", nil, nil},
		{"passive with agent", "Crimea was annexed by Russia in 2014.", []string{"Russia annexed Crimea"}, nil},
		{"agentless passive names no actor", "Sanctions were imposed on Iran last year.", nil, []string{"Iran"}},
		{"nominalisation", "Turkey's purchase of Russian S-400 systems angered Washington.",
			[]string{"S-400 made_by Russia", "Turkey bought S-400"}, nil},
		{"modifier nominalisation", "US sanctions on Venezuela hit its oil exports.", []string{"United States sanctioned Venezuela"}, nil},
		{"invasion by", "The invasion of Kuwait by Iraq began in 1990.", []string{"Iraq invaded Kuwait"}, nil},
		{"coordinated subjects pair", "Japan and South Korea held talks in Seoul on Monday.", []string{"Japan met South Korea"}, nil},
		{"coordinated objects", "Greece shares a border with Albania and Bulgaria.",
			[]string{"Albania borders Greece", "Bulgaria borders Greece"}, nil},
		{"between", "Talks between Armenia and Azerbaijan resumed in Washington.", []string{"Armenia met Azerbaijan"}, nil},
		{"apposition member", "Norway, a NATO member, borders Russia.", []string{"Norway member_of NATO"}, []string{"Russia member_of"}},
		{"relative clause subject", "Georgia, which wants to join the European Union, criticized Russia.",
			[]string{"Georgia criticized Russia", "Georgia seeks_to_join European Union"}, nil},
		{"participle clause", "While forging close ties with China, Russia has sold fighter jets to Iran.",
			nil, []string{"China sold"}},
		{"office before name", "French Foreign Minister Catherine Colonna met Wang Yi in Beijing.",
			[]string{"Catherine Colonna met Wang Yi", "Catherine Colonna official_of France"}, nil},
		{"office in apposition", "Lynne Tracy, the US ambassador to Russia, visited the prison.", []string{"Lynne Tracy official_of United States"}, nil},
		{"list of three subjects", "Estonia, Latvia and Lithuania condemned Belarus on Tuesday.",
			[]string{"Estonia criticized Belarus", "Latvia criticized Belarus", "Lithuania criticized Belarus"}, nil},
		{"object pronoun that acts", "Kenya left the talks with Somalia, accusing it of bad faith.",
			[]string{"Kenya criticized Somalia", "Kenya met Somalia"}, nil},
		{"object pronoun that is a thing", "Chile signed the accord with Peru and praised it.", nil, []string{"Chile praised Peru"}},
		{"relative clause after the noun", "The sanctions that Canada imposed on Iran in 2019 remain.",
			[]string{"Canada sanctioned Iran"}, nil},
		{"pronoun subject of a relative clause", "The African Union lifted the sanctions it had imposed on Mali.",
			[]string{"African Union sanctioned Mali"}, nil},
		{"compass word of a longer name", "The West African bloc ECOWAS lifted the sanctions it had imposed on Guinea.",
			[]string{"ECOWAS sanctioned Guinea"}, []string{"West sanctioned Guinea"}},
		{"progressive is active", "Myanmar's army has been fighting the Arakan Army since November.",
			[]string{"Arakan Army fought Myanmar"}, nil},
		{"relative clause on a thing", "Washington urged Caracas to withdraw the troops it has massed near the border.",
			[]string{"United States urged Venezuela"}, []string{"United States deployed troops"}},
		{"office in an armed group a country possesses", "Yahya Sinwar, the leader of Gaza's militant group Hamas, was killed.",
			[]string{"Yahya Sinwar official_of Hamas"}, []string{"Yahya Sinwar official_of Gaza"}},
		{"ordinal before a relational noun", "Germany is Poland's second largest trading partner.",
			[]string{"Germany trades_with Poland"}, nil},
		{"possessive ties", "Serbia's close ties with Russia worry Brussels.", []string{"Russia cooperates_with Serbia"}, nil},
		{"strained ties are not cooperation", "Pakistan's strained ties with India worsened.", nil, []string{"India cooperates_with Pakistan"}},
		{"relative clause after a group's head noun", "Israel struck the Hezbollah movement, which has been fighting Israeli troops.",
			[]string{"Israel attacked Hezbollah", "Hezbollah fought Israel"}, nil},
		{"participle with by", "Sanctions imposed on Syria by the Arab League were lifted.", []string{"Arab League sanctioned Syria"}, nil},
		{"the two countries of the clause before", "Spain and Italy voiced concern. Indian Prime Minister Narendra Modi held talks with " +
			"Egyptian President Abdel Fattah el-Sisi, and the two countries signed a strategic partnership agreement.",
			[]string{"Abdel Fattah el-Sisi met Narendra Modi", "Narendra Modi official_of India",
				"Abdel Fattah el-Sisi official_of Egypt"}, []string{"Italy"}},
		{"negation", "Israel did not attack Iran on Friday.", nil, []string{"Israel attacked Iran"}},
		{"denial", "Russia denies planning to invade Ukraine.", nil, []string{"Russia invaded Ukraine"}},
		{"hedge", "China may invade Taiwan within five years, officials said.", nil, []string{"China invaded Taiwan"}},
		{"conditional", "If Serbia attacks Kosovo, NATO will respond.", nil, []string{"Serbia attacked Kosovo"}},
		{"question", "Will Egypt host Israel and Hamas next week?", nil, []string{"Egypt hosted Israel"}},
		{"infinitive wish", "Moscow wants to prevent Moldova from joining the EU.", nil, []string{"Moldova member_of European Union"}},
		{"pronoun subject", "Russia moved troops to the border as it blamed NATO for the crisis.",
			[]string{"Russia criticized NATO", "Russia deployed troops"}, nil},
		{"pronoun possessive after a verb", "Canada condemned Iran's actions and reaffirmed its support for Israel.",
			[]string{"Canada criticized Iran", "Canada supports Israel"}, []string{"Iran supports Israel"}},
		{"surname refers back", "Indian Prime Minister Narendra Modi arrived in Moscow. Modi met Vladimir Putin on Monday.",
			[]string{"Narendra Modi met Vladimir Putin", "Narendra Modi official_of India", "Narendra Modi visited Russia"}, nil},
		{"the two countries", "Egypt and Qatar mediated the talks. Both countries welcomed the truce.", nil, nil},
		{"verb phrase coordination", "Beijing rejected the report and accused Washington of lying.",
			[]string{"China criticized United States"}, nil},
		{"forces act for their country", "A day after Israeli forces attacked Gaza, Egypt closed the border.",
			[]string{"Israel attacked Gaza"}, nil},
		{"object relative", "The rebels, whom Rwanda supports, seized Goma.", nil, nil},
		{"double object", "Russia has sold Caracas fighter jets and tanks over two decades.",
			[]string{"Russia sold fighter jets", "Russia sold tanks"}, nil},
		{"fired rockets at", "Hezbollah fired rockets at northern Israel on Tuesday.", []string{"Hezbollah attacked Israel"}, nil},
		{"the group", "Israel struck Hamas on Monday. The group fired rockets at Israel.",
			[]string{"Hamas attacked Israel", "Israel attacked Hamas"}, nil},
		{"coordination after a copula", "Russia is one of Iran's main partners and has sold Tehran fighter jets.",
			[]string{"Russia sold fighter jets"}, nil},
		{"office after the name", "President Emmanuel Macron of France met Chinese President Xi Jinping.",
			[]string{"Emmanuel Macron met Xi Jinping", "Emmanuel Macron official_of France", "Xi Jinping official_of China"}, nil},
		{"newspaper is not its city", "The Washington Post reported that Ukraine attacked a Russian airfield.", nil, []string{"United States"}},
		{"signed a pact", "Japan and the Philippines signed a defence pact on Monday.", []string{"Japan signed_agreement_with Philippines"}, nil},
		{"signed a trade deal", "Britain signed a trade deal with India in May.", []string{"India signed_agreement_with United Kingdom"}, nil},
		{"name with a particle", "Sudanese army chief Abdel Fattah al-Burhan met Egyptian President Abdel Fattah el-Sisi.",
			[]string{"Abdel Fattah al-Burhan met Abdel Fattah el-Sisi", "Abdel Fattah al-Burhan official_of Sudan", "Abdel Fattah el-Sisi official_of Egypt"}, nil},
		{"a participle ends a wildcard", "Egypt and Qatar, which have hosted peace talks, did not comment.", nil, []string{"met"}},
		{"trading partner", "China is Brazil's largest trading partner.", []string{"Brazil trades_with China"}, nil},
		{"ally of", "Turkey, a close ally of Azerbaijan, backed the offensive.", []string{"Azerbaijan cooperates_with Turkey"}, nil},
		{"announced sanctions", "Britain on Monday announced new sanctions against Iran.", []string{"United Kingdom sanctioned Iran"}, nil},
		{"blacklisted", "Washington blacklisted the Wagner Group in 2023.", []string{"United States sanctioned Wagner Group"}, nil},
		{"joint exercises", "China and Russia held joint naval exercises in the Sea of Japan.", []string{"China cooperates_with Russia"}, nil},
		{"pledged aid", "Germany pledged military aid to Ukraine on Friday.", []string{"Germany supplied Ukraine", "Germany supports Ukraine"}, nil},
		{"threatened", "Trump threatened Iran with strikes on Sunday.", []string{"Donald Trump threatened Iran"}, nil},
		{"threatened to", "Russia threatened to invade Moldova.", nil, []string{"invaded"}},
		{"became a member", "Sweden became a member of NATO in March 2024.", []string{"Sweden member_of NATO"}, nil},
		{"government of", "The government of Pakistan condemned India on Sunday.", []string{"Pakistan criticized India"}, nil},
		{"possessive office in apposition", "Hakan Fidan, Turkey's foreign minister, visited Cairo.",
			[]string{"Hakan Fidan official_of Turkey", "Hakan Fidan visited Egypt"}, nil},
		{"stake through an appositive description", "Group Menatep, the Gibraltar-based holding company which controls 51% of Yukos, says this was illegal.",
			[]string{"Group Menatep owns Yukos"}, []string{"Gibraltar"}},
		{"party said after the name", "Speaker Paul Ryan, Republican of Wisconsin, said the bill would pass.",
			[]string{"Paul Ryan member_of Republican Party", "Paul Ryan official_of United States House of Representatives"}, nil},
		{"title with of", "Secretary of State John Kerry met Benjamin Netanyahu in Washington.",
			[]string{"Benjamin Netanyahu met John Kerry", "John Kerry official_of United States"}, nil},
		{"office after a quoted speaker", "\u201cThe economy is strong,\u201d Thomas Dawson, an IMF director, said on Monday.",
			[]string{"Thomas Dawson official_of IMF"}, nil},
		{"a lower-case title capitalised is a given name", "The chips are fast, said Dean McCarron, principal analyst at Mercury Research.",
			[]string{"Dean McCarron official_of Mercury Research"}, nil},
		{"and inside a body's name", "The U.S. Securities and Exchange Commission sued Exxon Corp on Monday.",
			[]string{"U.S. Securities and Exchange Commission sued Exxon Corp"}, nil},
		{"a short form defined in brackets", "Christopher Gunness, spokesman for the UN Relief and Works Agency (UNRWA), spoke.",
			[]string{"Christopher Gunness official_of UNRWA"}, nil},
		{"a relative clause after an apposition", "In a filing with the SEC, Sumner Redstone, who controls Viacom Inc, offered more.",
			[]string{"Sumner Redstone owns Viacom Inc"}, nil},
		{"a workplace the parser hung elsewhere", "Chips will sell, said Matt Eastwood, group vice president for enterprise platform research at IDC.",
			[]string{"Matt Eastwood official_of IDC"}, nil},
		{"a workplace after what the office is over", "Adrian Hartog, senior vice-president for consumer products at ATI, praised the deal.",
			[]string{"Adrian Hartog official_of ATI"}, nil},
		{"a finite verb after an apposition and an adverb", "Susan Rice, President Obama's national security adviser, sharply criticized Prime Minister Benjamin Netanyahu of Israel on Tuesday.",
			[]string{"Susan Rice criticized Benjamin Netanyahu", "Susan Rice official_of United States",
				"Barack Obama official_of United States", "Benjamin Netanyahu official_of Israel"}, []string{"Benjamin Netanyahu criticized"}},
		{"a thing named in apposition", "They sailed on the Scientology-owned cruise ship, Freewinds.",
			[]string{"Scientology owns Freewinds"}, nil},
		{"a body after to is no place", "Gazprom delivered gas to Naftogaz on Monday.",
			[]string{"Gazprom supplied Naftogaz"}, nil},
		{"a region's kind after its owner", "Troops entered the Russian republic of Dagestan on Monday.",
			[]string{"Dagestan part_of Russia"}, nil},
		{"regions in a list after of", "Bombs hit the Baghdad neighborhoods of Husseiniyah and Yarmouk.",
			[]string{"Husseiniyah part_of Baghdad", "Yarmouk part_of Baghdad"}, nil},
		{"a place and its country after a comma", "Pilgrims gathered near Mecca, Saudi Arabia, on Friday.",
			[]string{"Mecca part_of Saudi Arabia"}, nil},
		{"no part in a list of countries", "Troops from Iraq, Syria and Iran gathered.", nil, []string{"part_of"}},
		{"a phrase hung on an oblique", "Blair also spoke on the telephone to US President George Bush.",
			[]string{"George W. Bush met Tony Blair", "George W. Bush official_of United States"}, nil},
		{"a progressive the tagger took for a noun", "Funaro and Gros are today meeting British Chancellor of the Exchequer Nigel Lawson.",
			[]string{"Funaro met Nigel Lawson", "Gros met Nigel Lawson", "Nigel Lawson official_of United Kingdom"}, []string{"met United Kingdom"}},
		{"a firm's name in its words", "Intel acquired Fulcrum Microsystems, which makes switches.",
			[]string{"Intel bought Fulcrum Microsystems"}, nil},
		{"a pronoun takes a name of its own sentence first", "AMD bought SeaMicro. Intel's Jason Waxman said Intel would build the fabric, and in July it acquired Fulcrum Microsystems.",
			[]string{"AMD bought SeaMicro", "Intel bought Fulcrum Microsystems"}, []string{"AMD bought Fulcrum"}},
		{"a description is not its clause's subject", "Hutton LBO, a unit of Hutton Group Inc, will be majority owner of the company.",
			nil, []string{"Hutton LBO owns Hutton Group"}},
		{"a name before a description names it", "Last year one in six cars sold by the BMW group was a Mini.",
			nil, []string{"Mini sold"}},
		{"support of someone received", "Schultz has retained the public support of the White House.",
			[]string{"United States supports Schultz"}, []string{"Schultz supports"}},
		{"kinds of things do nothing to each other", "A roadside bomb at a market killed three people.", nil, []string{"killed"}},
		{"a place-based firm is the firm", "AMD agreed to buy Markham, Ont-based ATI for $5.4 billion.",
			[]string{"AMD bought ATI"}, []string{"Markham"}},
		{"a maker's name on a thing is not the thing", "AMD plans to sell SeaMicro-branded servers.", nil, []string{"sold SeaMicro"}},
		{"an employer's base is not the employer", "Steel analyst Peter Fish, director of Sheffield-based consulting group MEPS, spoke.",
			nil, []string{"official_of Sheffield"}},
		{"them for the things just named", "Christie supported the standards but said that he no longer supports them.",
			nil, []string{"supports"}},
		{"support of someone said", "McLean said the support of Mr Magnier was crucial.", nil, []string{"supports"}},
		{"a place is no subject", "Kerry said that he would be in Switzerland negotiating with the Iranians.",
			[]string{"Iran met John Kerry"}, []string{"Switzerland"}},
		{"a lower-case name beginning a sentence", "Insurgents launched attacks near Dhuluiyah, killing at least 15 Iraqi soldiers.",
			[]string{"insurgents killed Iraq"}, nil},
		{"an invitation received", "Mr. Netanyahu accepted an invitation from Speaker John Boehner to address Congress.",
			[]string{"John Boehner invited Benjamin Netanyahu", "John Boehner official_of United States House of Representatives"}, nil},
		{"a takeover bid is no bid to join", "Viacom received revised takeover bids from Redstone and MCV Holdings Inc.", nil, []string{"seeks_to_join"}},
		{"a list of offices the parser broke up", "Funaro is today meeting British Chancellor of the Exchequer Nigel Lawson, Foreign Secretary Geoffrey Howe and others.",
			[]string{"Funaro met Nigel Lawson", "Nigel Lawson official_of United Kingdom", "Geoffrey Howe official_of United Kingdom"}, nil},
		{"a holding in what its phrase names", "Exxon Corp owns 28.1% of Mobil Inc today.",
			[]string{"Exxon Corp owns Mobil Inc"}, nil},
		{"a stake bought", "Lai Sun Garment Co said it acquired a 10 pct stake in Hk Hotels from Liang.",
			[]string{"Lai Sun Garment Co bought Hk Hotels", "Lai Sun Garment Co owns Hk Hotels"}, nil},
		{"a description is not what its clause's subject stands for", "Evergo said it bought about 20 pct of Hk Hotels from the firm's deputy chairman David Liang.",
			[]string{"Evergo bought Hk Hotels", "David Liang official_of Hk Hotels", "David Liang sold Hk Hotels"}, []string{"official_of Evergo"}},
		{"state-owned in an article about a country", "India wants jets. India's air force chief spoke. Lockheed signed a deal with state-owned Hindustan Aeronautics.",
			[]string{"India owns Hindustan Aeronautics", "Hindustan Aeronautics signed_agreement_with Lockheed"}, nil},
		{"a home state is no country's", "Barack Obama spoke. Christie praised his home state during his speech in the United States.", nil, []string{"praised"}},
		{"names after an and run into one", "Ankara has invited Russian President Vladimir Putin and Ukrainian President Volodymyr Zelensky to Turkey.",
			[]string{"Turkey invited Vladimir Putin", "Turkey invited Volodymyr Zelensky", "Vladimir Putin official_of Russia", "Volodymyr Zelensky official_of Ukraine"}, nil},
		{"a subject after an opening clause", "While discussing the latest developments in the Caucasus, Çavuşoğlu invited Blinken to the Antalya Diplomacy Forum.",
			[]string{"Çavuşoğlu invited Antony Blinken"}, nil},
		{"its for the possessor of its partner", "Turkey also opposes Moscow's policies in Syria, as well as its 2014 annexation of Crimea.",
			[]string{"Turkey opposes Russia", "Russia annexed Crimea"}, []string{"Turkey annexed"}},
		{"a kind of person with a name after it", "Another top Republican, Sen. Lindsey Graham of South Carolina, also lambasted Adam Schiff on Thursday.",
			[]string{"Lindsey Graham criticized Adam Schiff", "Lindsey Graham member_of Republican Party", "Lindsey Graham official_of United States Senate"}, []string{"Republican Party criticized"}},
		{"a body's name at a sentence's start", "Civil Defense Authority director General Suleiman al-Amr said 20 people died.",
			[]string{"Suleiman al-Amr official_of Civil Defense Authority"}, nil},
		{"a body's name with for the", "Joint Council for the Welfare of Immigrants campaigner Caitlin Boswell spoke.",
			[]string{"Caitlin Boswell official_of Joint Council for the Welfare of Immigrants"}, nil},
		{"a call paid to a body's officer", "Funaro paid a call in Washington to IMF Managing Director Michel Camdessus and to World Bank President Barber Conable.",
			[]string{"Funaro met Michel Camdessus", "Barber Conable met Funaro", "Michel Camdessus official_of IMF", "Barber Conable official_of World Bank"}, []string{"met World Bank"}},
		{"an agreement's holder does what it is to do", "HP has signed a definitive agreement to acquire EYP Mission Critical Facilities Inc.",
			[]string{"HP bought EYP Mission Critical Facilities Inc."}, nil},
		{"an offer to buy is no purchase", "Analysts said Intel had made an offer to buy Qlogic.", nil, []string{"Intel bought Qlogic"}},
		{"troops sent to fight do the fighting", "France had deployed about 1,500 troops to fight militants.", []string{"France deployed troops"}, []string{"France fought"}},
		{"an office over a domain, held for a body", "David Cummings, head of UK equities for Standard Life Investments, said the bid was fair.",
			[]string{"David Cummings official_of Standard Life Investments"}, []string{"David Cummings official_of United Kingdom"}},
		{"a name placed in a country is a place", "Thomas Sam, from Sydney, Australia, is on trial. Hilary Benn will visit Aceh in Indonesia.",
			[]string{"Sydney part_of Australia", "Aceh part_of Indonesia", "Hilary Benn visited Aceh"}, []string{"official_of Sydney"}},
		{"who was told is no employer", "Monsod told Reuters Finance Secretary Jaime Ongpin had decided. Zelensky told US President Joe Biden that Ukraine needed arms.",
			[]string{"Joe Biden official_of United States"}, []string{"official_of Reuters"}},
		{"a while clause is not what was warned", "The EU warned Israel it was destroying its image, while Israeli forces killed at least 40 people in Gaza.",
			[]string{"Israel killed people"}, nil},
		{"a state body is the state's", "Youcef Yousfi, director-general of Sonatrach, the Algerian state petroleum agency, spoke. The deal was signed by Pemex, Mexico's state oil company.",
			[]string{"Algeria owns Sonatrach", "Mexico owns Pemex", "Youcef Yousfi official_of Sonatrach"}, nil},
		{"a state's word alone owns nothing", "Sonatrach, the Algerian petroleum agency, spoke.", nil, []string{"owns"}},
		{"dinner with someone", "Matanov had dinner with Tamerlan Tsarnaev the night of the attack.",
			[]string{"Matanov met Tamerlan Tsarnaev"}, nil},
		{"a first name for the one person named so", "Dzhokhar Tsarnaev was in court. Matanov had dinner with Dzhokhar that night.",
			[]string{"Dzhokhar Tsarnaev met Matanov"}, nil},
		{"working with someone", "The American authorities are working with Russian security forces.",
			[]string{"Russia cooperates_with United States"}, nil},
		{"a region named with its kind", "The commissioner of Pariang county in Unity state spoke.",
			[]string{"Pariang county part_of Unity"}, nil},
		{"which for the name right before it", "He was at the Yida camp in oil-rich Unity State, which borders Sudan, when it was bombed.",
			[]string{"Sudan borders Unity State"}, []string{"Yida"}},
		{"complaints about someone", "A ban on rice imports triggered recent U.S. complaints about Japan's agricultural policy.",
			[]string{"United States criticized Japan"}, nil},
		{"the club for the club named before", "Manchester United rejected the bid. JP McManus and John Magnier spoke. Earlier Mr Glazer used his hefty stake in the club to oust three directors.",
			[]string{"Glazer owns Manchester United"}, []string{"owns JP McManus"}},
		{"a lone adjective is no employer", "Tunisia lost to England, with a late goal from English captain Harry Kane.", nil, []string{"official_of English"}},
		{"a judge's court is no body of its own", "U.S. District Judge George O'Toole Jr. began to speak.", nil, []string{"official_of District"}},
		{"the governor of a seat's namesake", "Governor of Washington Chris Gregoire spoke in Olympia.",
			[]string{"Chris Gregoire official_of Washington"}, []string{"United States"}},
		{"an office whose body is named in words", "The United States said so. Steve Whitmore, a representative for the LA Sheriff's office, spoke.",
			nil, []string{"Steve Whitmore official_of United States"}},
		{"a title of the ROLE of form is no name", "Deputy Secretary of Defense Patrick Shanahan will assume the title.",
			nil, []string{"Deputy Secretary of Defense"}},
		{"an and closes a list", "After talks between Sedat Onal and Wendy Sherman in Ankara, the Turkish Foreign Ministry said the allies agreed.",
			[]string{"Sedat Onal met Wendy Sherman"}, []string{"met Turkish Foreign Ministry", "Turkish Foreign Ministry met"}},
		{"a pair that discussed something", "Çavuşoğlu and his U.S. counterpart, Antony Blinken, discussed the latest developments over the phone.",
			[]string{"Antony Blinken met Çavuşoğlu", "Antony Blinken official_of United States"}, nil},
		{"a complement after the object", "Ankara called Russia's aggression unacceptable.",
			[]string{"Turkey criticized Russia"}, nil},
		{"an office before an honorific and a name", "Kuwait's Oil Minister, Sheikh Ali al-Khalifa al-Sabah, said output would rise.",
			[]string{"Ali al-Khalifa al-Sabah official_of Kuwait"}, nil},
		{"a title of a body with of in its name", "They met Governor of the Bank of England Robin Leigh-Pemberton on Monday.",
			[]string{"Robin Leigh-Pemberton official_of Bank of England"}, nil},
		{"a body's name then its officer's", "CEO of the Refugee Council Enver Solomon said the plan was cruel.",
			[]string{"Enver Solomon official_of Refugee Council"}, nil},
		{"a person of a body", "Julian Assange of WikiLeaks spoke. Brad Adams, from Human Rights Watch, said the move was wrong.",
			[]string{"Julian Assange official_of WikiLeaks", "Brad Adams official_of Human Rights Watch"}, nil},
		{"a person of a place is no official", "Sen. Lindsey Graham of South Carolina spoke.", nil, []string{"South Carolina"}},
		{"a workplace after a phrase of the role's own", "Khaled Al-Maeena, editor at large at the Saudi Gazette, said so.",
			[]string{"Khaled Al-Maeena official_of Saudi Gazette"}, nil},
		{"a workplace right after the role", "The deal is good, said Dinesh Keskar, senior vice president Boeing.",
			[]string{"Dinesh Keskar official_of Boeing"}, nil},
		{"chairing a committee", "Rep. Nick Rahall, who chairs the House Natural Resources Committee, spoke.",
			[]string{"Nick Rahall official_of House Natural Resources Committee"}, nil},
		{"an apposition the parser missed", "The Kremlin seized Yukos' main production arm, Yugansk, last year.",
			[]string{"Russia seized Yugansk", "Yukos owns Yugansk"}, nil},
		{"a unit named before its noun", "Purolator retains its Stant division, which makes closure caps.",
			[]string{"Purolator owns Stant"}, nil},
		{"a phrase after a noun is no apposition", "Turkey opposes Moscow's policies in Syria and Libya.",
			[]string{"Turkey opposes Russia"}, []string{"opposes Syria"}},
		{"a sale's buyer bought", "The Kremlin sold Yugansk to Rosneft for $9.3bn.",
			[]string{"Russia sold Yugansk", "Rosneft bought Yugansk"}, nil},
		{"a purchase's seller sold", "Lai Sun Garment Co acquired Hk Hotels from David Liang.",
			[]string{"Lai Sun Garment Co bought Hk Hotels", "David Liang sold Hk Hotels"}, nil},
		{"a demand that someone act", "Conaway then went on to demand Schiff immediately resign his chairmanship.",
			[]string{"Conaway urged Schiff"}, nil},
		{"a legislator's chamber", "WASHINGTON - Representative Blake Farenthold, the Texas Republican, resigned from Congress. Sen. Dick Durbin spoke.",
			[]string{"Blake Farenthold official_of United States House of Representatives", "Dick Durbin official_of United States Senate", "Blake Farenthold member_of Republican Party"}, nil},
		{"a title whose last word is also a rank", "The United States acted. Attorney General William Barr spoke.",
			[]string{"William Barr official_of United States"}, nil},
		{"a visit in a phrase of time", "Tsarnaev met extremists during a six-month visit to Dagestan last year.",
			[]string{"Tsarnaev visited Dagestan"}, nil},
		{"an agreement reached between two", "A six-month Egypt-brokered truce agreement was reached between Hamas and Israel in June.",
			[]string{"Hamas signed_agreement_with Israel"}, nil},
		{"names listed in an apposition", "Airbus has also recently signed fresh deals with two Indian airlines - Air Deccan and Kingfisher.",
			[]string{"Air Deccan signed_agreement_with Airbus", "Airbus signed_agreement_with Kingfisher"}, nil},
		{"joining a body named Org", "Valeska Paris spoke. She joined the Sea Org aged 14.",
			[]string{"Valeska Paris member_of Sea Org"}, nil},
		{"a caption says nothing", "Braverman with France's interior minister G\u00e9rald Darmanin in Paris on November 14, 2022.", nil, []string{"official_of"}},
		{"a possibility is not asserted", "Seoul and Tokyo may hold talks on the issue.", nil, []string{"met"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, other := claimsOfText(tt.text)
			for _, w := range tt.want {
				if !contains(got, w) {
					t.Errorf("missing %q\n got %q\nnot asserted %q", w, got, other)
				}
			}
			for _, nw := range tt.notWant {
				for _, g := range got {
					if strings.Contains(g, nw) {
						t.Errorf("asserted %q, which the text does not say", g)
					}
				}
			}
			if tt.want != nil && len(got) != len(tt.want) {
				t.Errorf("got %d claims %q, want exactly %q", len(got), got, tt.want)
			}
		})
	}
}

func TestExtractModalityAndQualifiers(t *testing.T) {
	ex := testExtractor.Extract(schema.Document{ID: "t", Date: "2022-03-05", Text: "Washington imposed sanctions on Ankara in December 2020 for the S-400s, officials said. " +
		"Turkey has sold drones to Kyiv. Russia denies planning to invade Ukraine."})
	byPred := map[string]schema.Claim{}
	for _, c := range ex.Claims {
		byPred[c.Predicate] = c
	}
	s := byPred["sanctioned"]
	if s.Date != "2020-12" || s.Qualifiers["reason"] != "the S-400s" || s.Modality != schema.Reported {
		t.Errorf("sanction claim: %+v", s)
	}
	if got := byPred["sold"].Qualifiers["recipient"]; got != "Ukraine" {
		t.Errorf("recipient %q", got)
	}
	if inv := byPred["invaded"]; inv.Modality != schema.Denied || inv.Asserted() {
		t.Errorf("denial: %+v", inv)
	}
	pledge := testExtractor.Extract(schema.Document{ID: "p", Text: "Germany pledged military aid to Ukraine on Friday."})
	for _, c := range pledge.Claims {
		if c.Predicate == "supplied" && c.Modality != schema.Planned {
			t.Errorf("pledged aid is supplied as %s, want planned", c.Modality)
		}
	}
	for _, c := range ex.Claims {
		if ex.Document.Text[c.Start:c.End] != c.Sentence {
			t.Errorf("offsets %d-%d do not give the sentence %q", c.Start, c.End, c.Sentence)
		}
	}
}

func ExampleExtractor_Extract() {
	ex := testExtractor.Extract(schema.Document{ID: "a.txt", Text: "Washington imposed sanctions on Ankara in December 2020."})
	for _, c := range ex.Claims {
		fmt.Println(c.Subject, c.Predicate, c.Object, c.Date)
	}
	// Output: United States sanctioned Turkey 2020-12
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestHeadlineCountry checks that the headline counts towards the
// article's country, so that a bare office in the text is that country's.
func TestHeadlineCountry(t *testing.T) {
	text := "Leaders of Italy's coalition parties have agreed to meet today.\n\nDeputy Prime Minister Arnaldo Forlani said talks would begin."
	for _, tc := range []struct {
		title string
		want  bool
	}{{"ITALIAN COALITION MEETS AS GOVERNMENT CRISIS LOOMS", true}, {"Coalition meets", false}} {
		got := false
		for _, c := range testExtractor.Extract(schema.Document{ID: "h", Title: tc.title, Text: text}).Claims {
			if c.Subject == "Arnaldo Forlani" && c.Predicate == "official_of" && c.Object == "Italy" {
				got = true
			}
		}
		if got != tc.want {
			t.Errorf("title %q: Arnaldo Forlani official_of Italy found %v, want %v", tc.title, got, tc.want)
		}
	}
}
