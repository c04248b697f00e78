CREATE TYPE "public"."autoplay_mode" AS ENUM('similar', 'artist', 'genre', 'mixed');--> statement-breakpoint
CREATE TYPE "public"."loop_mode" AS ENUM('off', 'track', 'queue');--> statement-breakpoint
CREATE TYPE "public"."play_outcome" AS ENUM('finished', 'skipped', 'stopped', 'failed');--> statement-breakpoint
CREATE TYPE "public"."playlist_owner_type" AS ENUM('user', 'guild');--> statement-breakpoint
CREATE TYPE "public"."subscription_status" AS ENUM('trialing', 'active', 'past_due', 'canceled', 'expired');--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"prefix" text NOT NULL,
	"hash" text NOT NULL,
	"name" text NOT NULL,
	"scopes" text[] NOT NULL,
	"guild_id" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	CONSTRAINT "api_keys_prefix_unique" UNIQUE("prefix")
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"discord_user_id" text NOT NULL,
	"email" text,
	"external_ref" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customers_discord_user_unique" UNIQUE("discord_user_id"),
	CONSTRAINT "customers_external_ref_unique" UNIQUE("external_ref")
);
--> statement-breakpoint
CREATE TABLE "domain_events" (
	"position" bigserial PRIMARY KEY NOT NULL,
	"stream_id" text NOT NULL,
	"version" integer NOT NULL,
	"type" text NOT NULL,
	"data" jsonb,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"recorded_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "domain_events_stream_version_unique" UNIQUE("stream_id","version"),
	CONSTRAINT "domain_events_version_positive" CHECK ("domain_events"."version" > 0)
);
--> statement-breakpoint
CREATE TABLE "feature_flags" (
	"guild_id" text NOT NULL,
	"name" text NOT NULL,
	"enabled" boolean NOT NULL,
	"payload" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feature_flags_guild_name_unique" UNIQUE("guild_id","name")
);
--> statement-breakpoint
CREATE TABLE "guild_settings" (
	"guild_id" text PRIMARY KEY NOT NULL,
	"default_volume" smallint DEFAULT 100 NOT NULL,
	"dj_role_id" text,
	"announce_channel_id" text,
	"always_on" boolean DEFAULT false NOT NULL,
	"vote_skip_ratio" real DEFAULT 0.5 NOT NULL,
	"max_queue_length" integer DEFAULT 500 NOT NULL,
	"max_track_duration_ms" integer,
	"duplicate_guard" boolean DEFAULT false NOT NULL,
	"autoplay_mode" "autoplay_mode" DEFAULT 'similar' NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"premium_tier" text DEFAULT 'free' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "guild_settings_volume_range" CHECK ("guild_settings"."default_volume" between 0 and 200),
	CONSTRAINT "guild_settings_vote_skip_range" CHECK ("guild_settings"."vote_skip_ratio" > 0 and "guild_settings"."vote_skip_ratio" <= 1),
	CONSTRAINT "guild_settings_queue_length_positive" CHECK ("guild_settings"."max_queue_length" > 0),
	CONSTRAINT "guild_settings_track_duration_positive" CHECK ("guild_settings"."max_track_duration_ms" is null or "guild_settings"."max_track_duration_ms" > 0)
);
--> statement-breakpoint
CREATE TABLE "listening_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"guild_id" text NOT NULL,
	"user_id" text NOT NULL,
	"track_key" text NOT NULL,
	"title" text NOT NULL,
	"author" text NOT NULL,
	"track" jsonb NOT NULL,
	"started_at" timestamp (3) with time zone NOT NULL,
	"ended_at" timestamp (3) with time zone NOT NULL,
	"played_ms" integer NOT NULL,
	"outcome" "play_outcome" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "player_states" (
	"guild_id" text PRIMARY KEY NOT NULL,
	"voice_channel_id" text,
	"text_channel_id" text,
	"current_track" jsonb,
	"position_ms" integer DEFAULT 0 NOT NULL,
	"queue" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"previous_tracks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"loop_mode" "loop_mode" DEFAULT 'off' NOT NULL,
	"volume" smallint DEFAULT 100 NOT NULL,
	"filters" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"autoplay" boolean DEFAULT false NOT NULL,
	"paused" boolean DEFAULT false NOT NULL,
	"saved_at" timestamp (3) with time zone NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "player_states_position_non_negative" CHECK ("player_states"."position_ms" >= 0),
	CONSTRAINT "player_states_volume_range" CHECK ("player_states"."volume" between 0 and 1000)
);
--> statement-breakpoint
CREATE TABLE "playlist_tracks" (
	"playlist_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"track" jsonb NOT NULL,
	"added_by" text NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "playlist_tracks_playlist_id_position_pk" PRIMARY KEY("playlist_id","position"),
	CONSTRAINT "playlist_tracks_position_non_negative" CHECK ("playlist_tracks"."position" >= 0)
);
--> statement-breakpoint
CREATE TABLE "playlists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_type" "playlist_owner_type" NOT NULL,
	"owner_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"created_by" text NOT NULL,
	"track_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "premium_tiers" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"rank" integer NOT NULL,
	"monthly_price_cents" integer NOT NULL,
	"limits" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stream_snapshots" (
	"stream_id" text PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"state" jsonb NOT NULL,
	"taken_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"guild_id" text NOT NULL,
	"tier_id" text NOT NULL,
	"status" "subscription_status" NOT NULL,
	"current_period_end" timestamp with time zone NOT NULL,
	"cancel_at_period_end" boolean DEFAULT false NOT NULL,
	"external_ref" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subscriptions_external_ref_unique" UNIQUE("external_ref")
);
--> statement-breakpoint
CREATE TABLE "webhook_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"guild_id" text,
	"url" text NOT NULL,
	"events" text[] NOT NULL,
	"secret" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"last_delivery_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "playlist_tracks" ADD CONSTRAINT "playlist_tracks_playlist_id_playlists_id_fk" FOREIGN KEY ("playlist_id") REFERENCES "public"."playlists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_tier_id_premium_tiers_id_fk" FOREIGN KEY ("tier_id") REFERENCES "public"."premium_tiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_keys_guild_idx" ON "api_keys" USING btree ("guild_id");--> statement-breakpoint
CREATE INDEX "listening_history_guild_started_idx" ON "listening_history" USING btree ("guild_id","started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "listening_history_user_started_idx" ON "listening_history" USING btree ("user_id","started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "listening_history_started_idx" ON "listening_history" USING btree ("started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "playlists_owner_name_unique" ON "playlists" USING btree ("owner_type","owner_id",lower("name"));--> statement-breakpoint
CREATE INDEX "playlists_owner_idx" ON "playlists" USING btree ("owner_type","owner_id");--> statement-breakpoint
CREATE INDEX "subscriptions_guild_idx" ON "subscriptions" USING btree ("guild_id");--> statement-breakpoint
CREATE INDEX "subscriptions_customer_idx" ON "subscriptions" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "webhook_subscriptions_guild_idx" ON "webhook_subscriptions" USING btree ("guild_id");