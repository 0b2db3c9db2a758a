-- wrk script: every request searches two words of the synthetic vocabulary chosen at random, so almost
-- every search is one the site has not seen (no output cache, no remembered result). The words are made
-- exactly as tests/Testimonies.Benchmarks/SyntheticArchive.cs makes them (Word(i), i in 0..4999).
local syllables = { "ba", "ko", "ri", "tu", "me", "sa", "lo", "ni", "ve", "da", "gu", "pe", "zo", "fi", "ha", "mu" }

local function word(index)
  local n = index + 17
  local parts = {}
  repeat
    parts[#parts + 1] = syllables[(n % 16) + 1]
    n = math.floor(n / 16)
  until n == 0
  return table.concat(parts)
end

math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)

request = function()
  return wrk.format("GET", "/search?q=" .. word(math.random(0, 4999)) .. "+" .. word(math.random(0, 4999)))
end
