-- wrk script: POST /api/v1/complaints with realistic complaint bodies.
--
-- Every request is a new complaint: the description, location, address and reporter vary a
-- little per request (a per-thread counter picks among templates and numbers), so the server
-- stores distinct rows and the category suggester sees varied text. About half name a category,
-- the other half leave it to the keyword suggestion, as the web form does. No Idempotency-Key:
-- each request is meant to create a case.

local templates = {
  { category = "jalan-rusak",
    text = "Jalan berlubang cukup dalam di depan rumah nomor %d, sudah %d minggu tidak diperbaiki. " ..
           "Saat hujan lubangnya tertutup genangan dan pengendara motor sering jatuh." },
  { category = "banjir-drainase",
    text = "Got di gang kami tersumbat sampah plastik dan lumpur, air meluap ke jalan setiap hujan " ..
           "deras. Genangan setinggi %d cm bertahan sampai %d jam." },
  { category = "sampah",
    text = "Sampah di TPS dekat pasar tidak diangkut sejak %d hari, tumpukan sudah sampai badan jalan " ..
           "dan baunya tercium sampai rumah nomor %d." },
  { category = "lampu-jalan",
    text = "Lampu jalan di tikungan dekat masjid mati sejak %d hari. Jalan gelap sekali malam hari, " ..
           "sudah ada %d kejadian jambret di sini." },
  { category = "pohon-taman",
    text = "Pohon besar di pinggir jalan condong ke arah kabel listrik, dahannya patah sebagian. " ..
           "Rawan tumbang, tingginya kira-kira %d meter, dekat rumah nomor %d." },
  { category = "air-bersih",
    text = "Air PDAM tidak mengalir ke rumah kami sudah %d hari, warga satu RT (%d rumah) terpaksa " ..
           "membeli air galon untuk mandi dan masak." },
}

local regions = {
  "16.71.01.1001", "16.71.02.1004", "16.71.03.1007", "16.71.05.1003", "16.71.06.1005", "16.71.07.1007",
  "16.71.09.1002", "16.71.10.1005", "16.71.12.1003", "16.71.14.1001", "16.71.15.1003", "16.71.17.1004",
}

local names = { "Siti Aminah", "Budi Santoso", "Rahmat Hidayat", "Dewi Lestari", "Agus Salim", "Nur Aini" }

local thread_count = 0
function setup(thread)
  thread_count = thread_count + 1
  thread:set("thread_id", thread_count)
end

local counter = 0
local headers = { ["Content-Type"] = "application/json", ["Accept-Language"] = "id" }

function request()
  counter = counter + 1
  local n = counter * 7 + (thread_id or 0) * 100003  -- distinct across threads
  local t = templates[n % #templates + 1]
  local description = string.format(t.text, n % 97 + 1, n % 13 + 2)
  local body = '{"description":"' .. description .. ' (laporan ' .. n .. ')"' ..
    (n % 2 == 0 and (',"category":"' .. t.category .. '"') or '') ..
    ',"location":{"latitude":' .. string.format("%.6f", -2.99 + (n % 1000) / 20000) ..
    ',"longitude":' .. string.format("%.6f", 104.74 + (n % 997) / 20000) .. ',"accuracy_m":' .. (n % 40 + 5) .. '}' ..
    ',"region_code":"' .. regions[n % #regions + 1] .. '"' ..
    ',"address":"Jl. Merdeka Gg. Mawar No. ' .. (n % 250 + 1) .. ', RT ' .. (n % 30 + 1) .. '"' ..
    ',"reporter":{"name":"' .. names[n % #names + 1] .. '","phone":"0811-' .. string.format("%04d-%04d", n % 10000, (n * 31) % 10000) ..
    '","email":"warga' .. n .. '@example.id"}}'
  return wrk.format("POST", "/api/v1/complaints", headers, body)
end
