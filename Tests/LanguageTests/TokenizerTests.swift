import Testing
@testable import Language

@Suite struct TokenizerTests {
    func words(_ s: String) -> [String] {
        let text = Text(s)
        return Tokenizer.standard.tokenize(text).map { text[$0.range] }
    }

    @Test func possessiveSplitsOff() {
        #expect(words("Sanae Takaichi’s administration") == ["Sanae", "Takaichi", "’s", "administration"])
        #expect(words("Japan's defense") == ["Japan", "'s", "defense"])
        #expect(words("O'Brien don't") == ["O'Brien", "don't"])
    }

    @Test func abbreviationsKeepTheirPeriod() {
        #expect(words("the U.S. and Mr. Smith on Jan. 5.") == ["the", "U.S.", "and", "Mr.", "Smith", "on", "Jan.", "5", "."])
        #expect(words("No. 3 and no. ") == ["No.", "3", "and", "no", "."])
    }

    @Test func numbersMoneyAndHyphens() {
        #expect(words("US$2.14 million, 50,000 troops at 3:50am") ==
            ["US", "$", "2.14", "million", ",", "50,000", "troops", "at", "3:50", "am"])
        #expect(words("the US-Japan alliance") == ["the", "US", "-", "Japan", "alliance"])
    }

    @Test func flags() {
        let text = Text("CAUSE UNKNOWN: Weather")
        let tokens = Tokenizer.standard.tokenize(text)
        #expect(tokens[0].isAllCaps && tokens[0].isCapitalized)
        #expect(!tokens[3].isAllCaps && tokens[3].isCapitalized)
        #expect(!tokens[2].hasSpaceBefore)
    }

    @Test func hardWrapDetection() {
        let wrapped = """
        Showers continued throughout the week in
        the Bahia cocoa zone, alleviating the drought since early
        January and improving prospects for the coming temporao,
        although normal humidity levels have not been restored,
        Comissaria Smith said in its weekly review.
            The dry period means the temporao will be late this year.
        """
        #expect(Tokenizer.isHardWrapped(Array(wrapped.utf8)))
        #expect(!Tokenizer.isHardWrapped(Array("One line.\nAnother line.\nA third.\nFour.".utf8)))
    }
}

/// Tokens keep 32-bit offsets: 12 bytes each, and a range past 4 GiB is cut short rather than trapping.
@Suite struct TokenLayoutTests {
    @Test func tokensAreTwelveBytesAndKeepTheirRanges() {
        #expect(MemoryLayout<Token>.stride == 12)
        let token = Token(range: 7..<4_000_000_000, kind: .word, flags: [.capitalized])
        #expect(token.range == 7..<4_000_000_000)
        #expect(token.isCapitalized)
        let huge = Token(range: 5..<(Int(UInt32.max) + 10), kind: .word, flags: [])
        #expect(huge.range == 5..<Int(UInt32.max))
    }
}

@Suite struct SentenceSplitterTests {
    func sentences(_ s: String) -> [String] {
        let text = Text(s)
        let tokens = Tokenizer.standard.tokenize(text)
        return SentenceSplitter.standard.split(text, tokens: tokens).map { text[$0.range] }
    }

    @Test func quotesAndAbbreviations() {
        #expect(sentences("“It is premature,” Motegi said. Mr. Trump met Gen. Smith in the U.S. on Monday.") ==
            ["“It is premature,” Motegi said.", "Mr. Trump met Gen. Smith in the U.S. on Monday."])
        #expect(sentences("He lives in the U.S. The rest stay.") == ["He lives in the U.S.", "The rest stay."])
        #expect(sentences("“Our defense is ours.” Then he left.") == ["“Our defense is ours.”", "Then he left."])
    }

    @Test func decimalsDoNotSplit() {
        #expect(sentences("It cost US$2.14 million. It rose 5.93 pct.") == ["It cost US$2.14 million.", "It rose 5.93 pct."])
    }

    @Test func kickerRunIntoSentence() {
        #expect(sentences("no distress signal was sent, authorities said A cargo aircraft skidded off the runway.") ==
            ["no distress signal was sent, authorities said", "A cargo aircraft skidded off the runway."])
    }

    @Test func paragraphs() {
        let text = Text("First line here\nSecond line here")
        let tokens = Tokenizer.standard.tokenize(text)
        let split = SentenceSplitter.standard.split(text, tokens: tokens)
        #expect(split.count == 2)
        #expect(split.map(\.paragraph) == [0, 1])
    }
}

/// The tokenizer reads ASCII words eight bytes at a time (`Tokenizer.AsciiLanes`); these check that reading
/// against the byte-at-a-time rule it replaced.
@Suite struct AsciiLanesTests {
    @Test func everyByteInEveryLaneIsClassifiedAsAlone() {
        var random = SystemRandomNumberGenerator()
        for byte in 0...255 {
            for lane in 0..<8 {
                // The byte at `lane`, random bytes around it: neighbours must not change its class.
                var word = random.next() as UInt64
                word &= ~(UInt64(0xFF) << (lane * 8))
                word |= UInt64(byte) << (lane * 8)
                let lanes = Tokenizer.AsciiLanes(word)
                let bit = UInt64(0x80) << (lane * 8)
                let b = UInt8(byte)
                let letter = (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A
                #expect((lanes.letters & bit != 0) == letter, "byte \(byte) in lane \(lane)")
                #expect((lanes.capitals & bit != 0) == (letter && b < 0x61), "byte \(byte) in lane \(lane)")
                #expect((lanes.digits & bit != 0) == (b >= 0x30 && b <= 0x39), "byte \(byte) in lane \(lane)")
            }
        }
    }

    @Test func wordsAcrossLaneBoundariesKeepTheirFlags() {
        // Lengths around 8 and 16, so that a word ends in, at and past a lane boundary, with the text's end
        // (no eight bytes left) after it or not.
        for length in 1...20 {
            let caps = String(repeating: "A", count: length)
            let mixed = "Q" + String(repeating: "x", count: length - 1)
            let lowerTail = String(repeating: "B", count: length) + "c"
            let digits = "A" + String(repeating: "7", count: length)
            for suffix in ["", " next words here", "’s", "—and more"] {
                for (word, allCaps, capitalized, hasDigit) in [(caps, length >= 2, true, false),
                                                               (mixed, false, true, false),
                                                               (lowerTail, false, true, false),
                                                               (digits, false, true, true)] {
                    let text = Text(word + suffix)
                    let token = Tokenizer.standard.tokenize(text)[0]
                    #expect(text[token.range].hasPrefix(word), "\(word + suffix)")
                    #expect(token.isAllCaps == allCaps, "\(word + suffix)")
                    #expect(token.isCapitalized == capitalized, "\(word + suffix)")
                    #expect(token.flags.contains(.hasDigit) == hasDigit, "\(word + suffix)")
                }
            }
        }
        // A non-ASCII letter inside the first eight bytes: the word goes on past it.
        let text = Text("ZÜRICH-based")
        let tokens = Tokenizer.standard.tokenize(text)
        #expect(text[tokens[0].range] == "ZÜRICH" && tokens[0].isAllCaps)
    }
}
