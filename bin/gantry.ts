#!/usr/bin/env node
import { createGantryApp } from '../lib/gantry-app';

createGantryApp();
